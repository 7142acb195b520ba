import Foundation
import Testing

@Suite struct PredictCommandTests {
    /// Four training points on a line: 0 and 1 are class a, 10 and 11 class b.
    static let line = "x,label\n0,a\n1,a\n10,b\n11,b\n"

    private func cells(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    }

    @Test func uniformVotesAndProbabilities() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.line, to: "train.csv")
            try workspace.write("x\n2\n9\n", to: "test.csv")
            let result = try workspace.run("predict --train train.csv --input test.csv --probabilities --output p.csv")
            #expect(result.status == 0)
            #expect(result.stdout == "wrote p.csv: 2 predictions (3 neighbours, uniform votes, in Euclidean distance)\n")
            // x = 2: neighbours 1, 0, 10 → a, a, b; x = 9: neighbours 10, 11, 1 → b, b, a.
            let table = cells(try workspace.read("p.csv"))
            #expect(table[0] == ["prediction", "probability_a", "probability_b"])
            #expect(table[1][0] == "a" && table[2][0] == "b")
            #expect(abs((Double(table[1][1]) ?? 0) - 2.0 / 3) < 1e-15 && abs((Double(table[1][2]) ?? 0) - 1.0 / 3) < 1e-15)
            #expect(abs((Double(table[2][1]) ?? 0) - 1.0 / 3) < 1e-15 && abs((Double(table[2][2]) ?? 0) - 2.0 / 3) < 1e-15)
        }
    }

    @Test func distanceWeightedVotes() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.line, to: "train.csv")
            // The test file carries a label column (ignored) and lists x second.
            try workspace.write("label,x\nb,2\n", to: "test.csv")
            let result = try workspace.run(
                "predict --train train.csv --input test.csv --weighting distance --probabilities --output p.csv")
            #expect(result.status == 0)
            // x = 2: weights 1/1 and 1/2 for a, 1/8 for b → P(a) = 1.5 / 1.625.
            let table = cells(try workspace.read("p.csv"))
            #expect(table.count == 2 && table[1][0] == "a")
            #expect(abs((Double(table[1][1]) ?? 0) - 1.5 / 1.625) < 1e-15)
        }
    }

    @Test func learnedMetricChangesTheNeighbours() throws {
        try Workspace.with { workspace in
            try workspace.write("x,y,label\n0,0,a\n5,10,b\n", to: "train.csv")
            try workspace.write("x,y\n1,9\n", to: "test.csv")
            try workspace.write(ModelFixtures.ignoresY, to: "m.json")
            // Euclidean: (1, 9) is nearer (5, 10); ignoring y it is nearer (0, 0).
            #expect(try workspace.run("predict --train train.csv --input test.csv --neighbors 1 --output e.csv").status == 0)
            #expect(try workspace.read("e.csv") == "prediction\nb\n")
            let result = try workspace.run("predict --train train.csv --input test.csv --metric m.json --neighbors 1 --output m.csv")
            #expect(result.status == 0)
            #expect(result.stdout.hasSuffix("(1 neighbours, uniform votes, in the metric of m.json)\n"))
            #expect(try workspace.read("m.csv") == "prediction\na\n")
        }
    }

    @Test func endToEndOnIris() throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit nca --input iris.csv --output nca.json").status == 0)
            let result = try workspace.run("predict --train iris.csv --input iris.csv --metric nca.json --neighbors 1 --output p.csv")
            #expect(result.status == 0)
            // With one neighbour, each training sample is its own nearest neighbour: predictions are the labels.
            let labels = try workspace.read("iris.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" }
            let predicted = try workspace.read("p.csv").split(separator: "\n").dropFirst().map(String.init)
            #expect(predicted.count == 150)
            #expect(predicted == labels)
        }
    }

    @Test func errors() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.line, to: "train.csv")
            try workspace.write("z\n2\n", to: "other.csv")
            var result = try workspace.run("predict --train train.csv --input other.csv --output p.csv")
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("metric-learn: other.csv: line 1: there is no column named 'x'"))
            result = try workspace.run("predict --train train.csv --input train.csv --neighbors 5 --output p.csv")
            #expect(result.status == 64)
            #expect(result.stderr == "metric-learn: invalid --neighbors 5: must be at most the number of training samples (4)\n")
            result = try workspace.run("predict --train missing.csv --input train.csv --output p.csv")
            #expect(result.status == 66)
            #expect(result.stderr == "metric-learn: missing.csv: no such file\n")
            result = try workspace.run("predict --train train.csv --input train.csv --weighting loud --output p.csv")
            #expect(result.status == 64)
            #expect(!workspace.exists("p.csv"))
        }
    }
}
