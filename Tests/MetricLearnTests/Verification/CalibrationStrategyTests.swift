import Foundation
import MetricLearn
import Testing

/// Thresholds against metric-learn 0.7.0's `calibrate_threshold` on fixed scores (`Fixtures/pair_verification.json`,
/// recorded by `Benchmarks/peers/golden.py pair_verification`). Distances are the negated scores.
@Suite struct CalibrationStrategyTests {
    static let cases = ["distinct", "small", "ties"]

    /// Every strategy key of the fixture (`accuracy`, `f-beta/1`, `max-tpr/0.9`, …) as a strategy.
    static func strategy(_ key: String) throws -> CalibrationStrategy {
        let parts = key.split(separator: "/").map(String.init)
        let parameter = parts.count > 1 ? Double(parts[1]) : nil
        switch (parts[0], parameter) {
        case ("accuracy", nil): return .accuracy
        case let ("f-beta", beta?): return .fBeta(beta)
        case let ("max-tpr", rate?): return .maxTruePositiveRate(minimumTrueNegativeRate: rate)
        case let ("max-tnr", rate?): return .maxTrueNegativeRate(minimumTruePositiveRate: rate)
        default: throw Fixture.Problem.wrongType(key, expected: "a strategy key")
        }
    }

    /// −∞ or +∞ from the text the fixture stores them as.
    static func nonFinite(_ text: String) throws -> Double {
        switch text {
        case "-Infinity": -.infinity
        case "Infinity": .infinity
        default: throw Fixture.Problem.wrongType(text, expected: "a number or ±Infinity")
        }
    }

    /// The fixture's distances (−score) and labels.
    static func load(_ name: String) throws -> (entry: Fixture, distances: [Double], similar: [Bool]) {
        let entry = try Fixture("pair_verification").object("cases").object(name)
        return (entry, try entry.vector("scores").map { -$0 }, try entry.integers("labels").map { $0 == 1 })
    }

    /// Equal to metric-learn's threshold (to 1e-9 absolute; in fact bit for bit: both pick one of the distances,
    /// or the smallest − 1, or −∞) for every strategy and case, ties included except where the accuracy rule differs
    /// (`accuracyWithTiesCountsOnlyCutsBetweenDistinctDistances`).
    @Test(arguments: cases)
    func thresholdsEqualMetricLearns(name: String) throws {
        let (entry, distances, similar) = try Self.load(name)
        let thresholds = try entry.object("thresholds")
        let keys = ["accuracy", "f-beta/1", "f-beta/0.5", "f-beta/2", "max-tpr/0", "max-tpr/0.5", "max-tpr/0.9",
                    "max-tpr/1", "max-tnr/0", "max-tnr/0.5", "max-tnr/0.9", "max-tnr/1"]
        for key in keys where !(name == "ties" && key == "accuracy") {
            let expected = try (try? thresholds.number(key)) ?? Self.nonFinite(try thresholds.string(key))
            let actual = try Self.strategy(key).threshold(distances: distances, similar: similar)
            #expect(actual == expected || abs(actual - expected) <= 1e-9, "\(name) \(key): \(actual) vs \(expected)")
        }
    }

    /// With tied distances metric-learn's accuracy rule also scores cuts inside a group of equal distances, which
    /// no threshold makes; here only cuts between distinct distances count, so the threshold's accuracy is the one
    /// it reaches, and it is at least metric-learn's threshold's.
    @Test func accuracyWithTiesCountsOnlyCutsBetweenDistinctDistances() throws {
        let (entry, distances, similar) = try Self.load("ties")
        let ours = try CalibrationStrategy.accuracy.threshold(distances: distances, similar: similar)
        let theirs = try entry.object("thresholds").number("accuracy")
        #expect(ours != theirs, "the fixture no longer shows the difference")
        let accuracy = { (threshold: Double) in
            try PairConfusion(distances: distances, similar: similar, threshold: threshold).accuracy
        }
        #expect(try accuracy(ours) >= accuracy(theirs))
        let best = try Set(distances).map(accuracy).max() ?? 0
        #expect(try accuracy(ours) == best)
    }

    /// A hand example: distances 1…6 labelled s s d s d d (s similar). Accuracy is 5/6 at 2 and at 4 and the smaller
    /// wins; F1 is 0.8 at 2 and 6/7 at 4; max-tpr with TNR ≥ 2/3 accepts up to 4 (TPR 1); max-tnr with TPR ≥ 0.6
    /// accepts up to 2; max-tnr with min rate 0 rejects all (−∞), and accuracy's reject-all candidate is the
    /// smallest distance − 1.
    @Test func handExample() throws {
        let distances: [Double] = [1, 2, 3, 4, 5, 6]
        let similar = [true, true, false, true, false, false]
        func threshold(_ strategy: CalibrationStrategy) throws -> Double {
            try strategy.threshold(distances: distances, similar: similar)
        }
        #expect(try threshold(.accuracy) == 2)
        #expect(try threshold(.fBeta(1)) == 4)
        #expect(try threshold(.maxTruePositiveRate(minimumTrueNegativeRate: 2.0 / 3)) == 4)
        #expect(try threshold(.maxTrueNegativeRate(minimumTruePositiveRate: 0.6)) == 2)
        #expect(try threshold(.maxTrueNegativeRate(minimumTruePositiveRate: 0)) == -.infinity)
        #expect(try CalibrationStrategy.accuracy.threshold(distances: [1, 2], similar: [false, true]) == 0)
    }

    @Test func rejectsBadParametersAndData() {
        #expect(throws: MetricLearnError.invalidParameter(name: "beta", value: "-1.0",
                                                          requirement: "must be finite and non-negative")) {
            try CalibrationStrategy.fBeta(-1).threshold(distances: [1, 2], similar: [true, false])
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "minRate", value: "1.5", requirement: "must be in [0, 1]")) {
            try CalibrationStrategy.maxTruePositiveRate(minimumTrueNegativeRate: 1.5).threshold(distances: [1, 2],
                                                                                                 similar: [true, false])
        }
        #expect(throws: MetricLearnError.invalidData(what: "similar", value: "2 similar and 0 dissimilar pairs",
                                                     requirement: "rates need at least one similar and one dissimilar pair")) {
            try CalibrationStrategy.accuracy.threshold(distances: [1, 2], similar: [true, true])
        }
        #expect(throws: MetricLearnError.invalidData(what: "distances[1]", value: "nan", requirement: "must be finite")) {
            try CalibrationStrategy.accuracy.threshold(distances: [1, .nan], similar: [true, false])
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no pairs")) {
            try CalibrationStrategy.accuracy.threshold(distances: [], similar: [])
        }
    }

    @Test func encodesFlatAndRoundTrips() throws {
        let strategies: [CalibrationStrategy] = [.accuracy, .fBeta(0.5), .maxTruePositiveRate(minimumTrueNegativeRate: 0.9),
                                                 .maxTrueNegativeRate(minimumTruePositiveRate: 0.8)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let texts = try strategies.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        #expect(texts == [#"{"strategy":"accuracy"}"#, #"{"beta":0.5,"strategy":"f-beta"}"#,
                          #"{"minRate":0.9,"strategy":"max-tpr"}"#, #"{"minRate":0.8,"strategy":"max-tnr"}"#])
        for strategy in strategies {
            #expect(try JSONDecoder().decode(CalibrationStrategy.self, from: encoder.encode(strategy)) == strategy)
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CalibrationStrategy.self, from: Data(#"{"strategy":"f-beta","beta":-2}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CalibrationStrategy.self, from: Data(#"{"strategy":"median"}"#.utf8))
        }
    }
}
