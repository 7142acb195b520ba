import Foundation
@testable import MetricLearn
import Testing

@Suite struct RCATests {
    let x: Matrix            // wine, standardised
    let y: [Int]

    init() throws {
        let wine = try Dataset.wine
        x = try standardized(wine.features)
        y = wine.labels
    }

    /// metric-learn 0.7.0's RCA with 30 given chunklets (`rca_wine.json`): M = Ĉ⁻¹ with every component, and its
    /// dimensionality reduction to two.
    @Test(arguments: ["all", "2"])
    func matchesMetricLearnOnGivenChunklets(_ name: String) throws {
        let fixture = try Fixture("rca_wine")
        let chunklets = Chunklets(try fixture.integerRows("chunklets"))
        let componentCount = Int(name)
        let metric = try RCA(componentCount: componentCount).fit(x, supervision: .chunklets(chunklets), progress: nil)
        let expected = Matrix(rows: try fixture.object("cases").object(name).matrix("M"))
        #expect(metric.components.rowCount == componentCount ?? 13)
        #expect(metric.mahalanobisMatrix.maxAbsoluteDifference(from: expected) <= 1e-9 * expected.frobeniusNorm)
        #expect(metric.report.details == ["effectiveRank": 13, "regularization": 0, "chunkletCount": 30])
    }

    /// Rescaling the features leaves the distances unchanged (`isScaleInvariant`), with chunklets drawn from the
    /// labels (which do not see the units).
    @Test func distancesIgnoreTheUnits() throws {
        let scales = (0..<13).map { pow(10, Double($0 % 5) - 2) }
        let rescaled = Matrix(rows: x.rows.map { zip($0, scales).map { $0 * $1 } })
        let learner = RCA(chunkCount: 40, chunkSize: 3, seed: 5)
        #expect(learner.isScaleInvariant)
        let original = try learner.fit(x, labels: y), scaled = try learner.fit(rescaled, labels: y)
        for (a, b) in [(0, 1), (5, 100), (17, 170)] {
            let expected = try original.distance(x.row(a), x.row(b))
            #expect(abs(try scaled.distance(rescaled.row(a), rescaled.row(b)) - expected) <= 1e-9 * expected)
        }
    }

    /// Labels that cannot fill `chunkCount` chunklets give as many as they can, and the report says how many.
    @Test func fewerChunkletsThanAskedAreReported() throws {
        let data = SyntheticData()                    // 3 classes of 15: 7 chunklets of 2 in each
        let metric = try RCA(chunkCount: 100).fit(data.features, labels: data.labels)
        #expect(metric.report.details["chunkletCount"] == 21)
        #expect(try RCA(chunkCount: 10).fit(data.features, labels: data.labels).report.details["chunkletCount"] == 10)
    }

    @Test func classesTooSmallForOneChunkletAreRefused() {
        let data = SyntheticData(classCount: 2, perClass: 3)
        #expect(throws: MetricLearnError.classTooSmall(label: "0", count: 3, required: 4)) {
            try RCA(chunkSize: 4).fit(data.features, labels: data.labels)
        }
    }

    /// Too few chunklets for the dimension: the within-chunklet covariance is singular, so it is shrunk and the
    /// report says so (metric-learn's RCA returns NaN here).
    @Test func singularWithinChunkletCovarianceIsShrunkAndReported() throws {
        let metric = try RCA(chunkCount: 5).fit(x, labels: y)
        #expect(metric.report.details["regularization"] == 0.5)
        #expect(metric.report.details["chunkletCount"] == 5)
        #expect(metric.components.isFinite)
        #expect(metric.components.rowCount == 9)          // 10 chunklet rows span 9 directions
    }

    @Test func refusesBadParametersAndSupervision() {
        #expect(throws: MetricLearnError.invalidParameter(name: "chunkSize", value: "1",
                                                          requirement: "must be at least 2")) {
            try RCA(chunkSize: 1).fit(x, labels: y)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "chunkCount", value: "0",
                                                          requirement: "must be at least 1")) {
            try RCA(chunkCount: 0).fit(x, labels: y)
        }
        #expect(throws: MetricLearnError.unsupportedSupervision(learner: "rca", given: "pairs",
                                                                accepted: ["class labels", "chunklets"])) {
            try RCA().fit(x, supervision: .pairs(PairConstraints(similar: [(0, 1)])), progress: nil)
        }
        #expect(throws: MetricLearnError.invalidData(what: "chunklets[1]", value: "178",
                                                     requirement: "row indices must be in 0..<178")) {
            try RCA().fit(x, supervision: .chunklets(Chunklets([[0, 1], [2, 178]])), progress: nil)
        }
    }

    /// The protocol on scikit-learn's folds: RCA's 3-NN accuracy is at least Euclidean 3-NN's minus 0.01
    /// on iris and wine (metric-learn's RCA_Supervised is compared by the benchmark, see Docs/Performance.md).
    @Test(arguments: ["iris", "wine"])
    func accuracyProtocol(_ table: String) throws {
        let accuracy = try protocolAccuracy(of: .rca(RCA()), on: table)
        #expect(accuracy >= (try peerAccuracy("euclidean", on: table)) - 0.01)
    }
}
