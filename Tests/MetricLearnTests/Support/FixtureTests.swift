import Foundation
import Testing
import MetricLearn

/// `Fixture` fails loudly: a missing key, a value of another type or an empty array is an error that
/// fails the golden test reading it, never a silently empty comparison.
@Suite struct FixtureTests {
    private let fixture: Fixture

    init() throws {
        let json = #"{"runs": {"a": {"M": [[1, 2], [3, 4]], "sweeps": 3, "name": "x"}}, "empty": [], "ragged": [[1], [2, 3]], "#
            + #""holes": [[]], "half": 2.5, "text": ["a", 1]}"#
        fixture = try Fixture(json: Data(json.utf8), file: "test.json")
    }

    @Test func readsPresentValues() throws {
        let run = try fixture.object("runs").object("a")
        #expect(try run.matrix("M") == [[1, 2], [3, 4]])
        #expect(try run.integerRows("M") == [[1, 2], [3, 4]])
        #expect(try run.integer("sweeps") == 3)
        #expect(try run.string("name") == "x")
        #expect(try fixture.number("half") == 2.5)
    }

    @Test func aMissingKeyIsAnErrorNamingItsPath() throws {
        let run = try fixture.object("runs").object("a")
        let missing = Fixture.Problem.missingKey("test.json: runs.a.bounds")
        #expect(throws: missing) { try run.vector("bounds") }
        #expect(throws: missing) { try run.matrix("bounds") }
        #expect(throws: missing) { try run.number("bounds") }
        #expect(throws: missing) { try run.integers("bounds") }
        #expect(throws: missing) { try run.string("bounds") }
        #expect(throws: missing) { try run.object("bounds") }
        #expect(throws: Fixture.Problem.missingKey("test.json: runs.b")) { try fixture.object("runs").object("b") }
    }

    @Test func emptyArraysAndWrongTypesAreErrors() throws {
        #expect(throws: Fixture.Problem.empty("test.json: empty")) { try fixture.vector("empty") }
        #expect(throws: Fixture.Problem.empty("test.json: empty")) { try fixture.matrix("empty") }
        #expect(throws: Fixture.Problem.empty("test.json: holes[…]")) { try fixture.matrix("holes") }
        #expect(throws: Fixture.Problem.wrongType("test.json: ragged", expected: "a matrix (rows of equal length)")) {
            try fixture.matrix("ragged")
        }
        #expect(try fixture.integerRows("ragged") == [[1], [2, 3]])
        #expect(throws: Fixture.Problem.wrongType("test.json: half", expected: "an integer")) {
            try fixture.integer("half")
        }
        #expect(throws: Fixture.Problem.wrongType("test.json: text", expected: "a number")) { try fixture.vector("text") }
        #expect(throws: Fixture.Problem.wrongType("test.json: runs", expected: "a number")) { try fixture.number("runs") }
    }

    /// A real golden check, handed `itml_iris.json` without the key it compares against, records a failure.
    @Test func aGoldenTestFailsWhenItsFixtureLacksAKey() throws {
        let url = Fixture.directory.appendingPathComponent("itml_iris.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["pairLabels"] = nil
        let crippled = try Fixture(json: JSONSerialization.data(withJSONObject: object), file: "itml_iris.json")
        try withKnownIssue {
            _ = try PairConstraints(fixture: crippled)
        } matching: { issue in
            issue.error as? Fixture.Problem == .missingKey("itml_iris.json: pairLabels")
        }
    }
}
