import Foundation
@testable import MetricLearn
import Testing

@Suite struct LFDATests {
    let x: Matrix            // wine, standardised
    let y: [Int]

    init() throws {
        let wine = try Dataset.wine
        x = try standardized(wine.features)
        y = wine.labels
    }

    /// Sugiyama's LFDA re-derived in numpy, which metric-learn 0.7.0 reproduces once its local-scale line is
    /// corrected (`lfda_wine.json` says how): M = LᵀL for every embedding, with every component and with two.
    @Test(arguments: ["weighted/all", "weighted/2", "orthonormalized/all", "orthonormalized/2", "plain/all", "plain/2"])
    func matchesTheRecordedLFDA(_ name: String) throws {
        let fixture = try Fixture("lfda_wine")
        let recorded = try fixture.object("cases").object(name)
        let embedding = try #require(LFDA.Embedding(rawValue: recorded.string("embedding")))
        let componentCount = name.hasSuffix("/2") ? 2 : nil
        let metric = try LFDA(componentCount: componentCount, neighborCount: fixture.integer("neighborCount"),
                              embedding: embedding).fit(x, labels: y)
        let expected = Matrix(rows: try recorded.matrix("M"))
        #expect(metric.components.rowCount == componentCount ?? 13)
        #expect(metric.mahalanobisMatrix.maxAbsoluteDifference(from: expected) <= 1e-9 * expected.frobeniusNorm)
        #expect(metric.report.details == ["effectiveRank": 13, "regularization": 0])
    }

    /// The blocked affinity-weighted scatter equals ½·Σᵢⱼ Aᵢⱼ(xᵢ − xⱼ)(xᵢ − xⱼ)ᵀ summed pair by pair, whatever the
    /// block height, with a zero local scale giving zero affinities.
    @Test(arguments: [1, 7, 40])
    func affinityScatterIsThePairSum(blockRowCount: Int) {
        let data = SyntheticData(classCount: 1, perClass: 40, featureCount: 3, seed: 9)
        var generator = SeededGenerator(seed: 2)
        var scales = (0..<40).map { _ in 0.5 + generator.nextUniform() }
        scales[3] = 0
        let blocked = LocalScatters.affinityScatter(of: data.features, scales: scales, blockRowCount: blockRowCount)
        var expected = Matrix(rowCount: 3, columnCount: 3)
        for i in 0..<40 {
            for j in 0..<40 {
                let difference = (0..<3).map { data.features[i, $0] - data.features[j, $0] }
                let squared = difference.reduce(0) { $0 + $1 * $1 }
                let affinity = scales[i] * scales[j] > 0 ? exp(-squared / (scales[i] * scales[j])) : 0
                for a in 0..<3 { for b in 0..<3 { expected[a, b] += 0.5 * affinity * difference[a] * difference[b] } }
            }
        }
        #expect(blocked.maxAbsoluteDifference(from: expected) <= 1e-12 * expected.frobeniusNorm)
    }

    /// A class of more than 2¹⁹ pairs does not keep its distances between the passes: the affinity pass computes
    /// them again, and the scatter is still the pair sum.
    @Test func affinityScatterOfAClassTooLargeToKeepItsDistances() {
        let n = 730   // 730² > 2¹⁹
        let data = SyntheticData(classCount: 1, perClass: n, featureCount: 2, seed: 5)
        let scales = [Double](repeating: 1.5, count: n)
        let blocked = LocalScatters.affinityScatter(of: data.features, scales: scales)
        var expected = [0.0, 0.0, 0.0, 0.0]
        for i in 0..<n {
            for j in 0..<n {
                let (a, b) = (data.features[i, 0] - data.features[j, 0], data.features[i, 1] - data.features[j, 1])
                let affinity = 0.5 * exp(-(a * a + b * b) / 2.25)
                expected[0] += affinity * a * a
                expected[1] += affinity * a * b
                expected[3] += affinity * b * b
            }
        }
        expected[2] = expected[1]
        let reference = Matrix(rowCount: 2, columnCount: 2, elements: expected)
        #expect(blocked.maxAbsoluteDifference(from: reference) <= 1e-11 * reference.frobeniusNorm)
    }

    /// σᵢ is the distance to the k-th nearest other row, whatever the block height and the number of workers; a row
    /// with k exact duplicates gets σ = 0 (so its affinities are 0, as `affinityScatterIsThePairSum` checks).
    @Test(arguments: [1, 7, 45])
    func localScalesAreTheKthNeighbourDistances(blockRowCount: Int) {
        let data = SyntheticData(classCount: 1, perClass: 42, featureCount: 5, seed: 12)
        var rows = (0..<42).map { i in (0..<5).map { data.features[i, $0] } }
        rows += Array(repeating: rows[0], count: 3)   // rows 0, 42, 43, 44 coincide
        let x = Matrix(rows: rows)
        let centered = x.subtractingFromEachRow(x.columnMeans())
        for k in [1, 3, 44] {
            let expected = (0..<45).map { i in
                (0..<45).filter { $0 != i }.map { j in
                    (0..<5).reduce(0.0) { $0 + (x[i, $1] - x[j, $1]) * (x[i, $1] - x[j, $1]) }
                }.sorted()[k - 1].squareRoot()
            }
            let scales = Parallel.withWorkers(3) {
                LocalScatters.localScales(of: centered, neighborCount: k, blockRowCount: blockRowCount)
            }
            for i in 0..<45 {
                #expect(abs(scales[i] - expected[i]) <= 1e-7 * max(1, expected[i]), "row \(i), k = \(k)")
            }
            if k == 3 { #expect([0, 42, 43, 44].allSatisfy { scales[$0] == 0 }) }
        }
    }

    /// S_b + S_w is the local mixture scatter, ½·Σᵢⱼ W(xᵢ − xⱼ)(xᵢ − xⱼ)ᵀ with W = Aᵢⱼ/n for a pair of one class and
    /// 1/n otherwise; S_w weighs same-class pairs by Aᵢⱼ/n_c.
    @Test func scattersFollowTheirPairDefinitions() {
        let data = SyntheticData(classCount: 3, perClass: 6, featureCount: 3, seed: 4)
        let (x, labels, n) = (data.features, data.labels, 18)
        let scatters = LocalScatters(x, labels: labels, neighborCount: 2)
        let squared = PairwiseDistances.squaredEuclidean(x, x)
        let scales = (0..<n).map { i in
            (0..<n).filter { labels[$0] == labels[i] && $0 != i }.map { squared[i, $0] }.sorted()[1].squareRoot()
        }
        var mixture = Matrix(rowCount: 3, columnCount: 3), within = Matrix(rowCount: 3, columnCount: 3)
        for i in 0..<n {
            for j in 0..<n {
                let difference = (0..<3).map { x[i, $0] - x[j, $0] }
                let affinity = exp(-squared[i, j] / (scales[i] * scales[j]))
                let same = labels[i] == labels[j]
                for a in 0..<3 {
                    for b in 0..<3 {
                        let product = 0.5 * difference[a] * difference[b]
                        mixture[a, b] += (same ? affinity : 1) / Double(n) * product
                        if same { within[a, b] += affinity / 6 * product }
                    }
                }
            }
        }
        #expect(scatters.within.maxAbsoluteDifference(from: within) <= 1e-10 * within.frobeniusNorm)
        #expect((scatters.between + scatters.within).maxAbsoluteDifference(from: mixture) <= 1e-10 * mixture.frobeniusNorm)
    }

    /// More features than samples within classes: S_w is singular on the data's span, so it is shrunk and the
    /// report says so; every embedding stays finite (metric-learn returns NaN or complex components here).
    @Test(arguments: LFDA.Embedding.allCases)
    func singularWithinClassScatterIsShrunkAndReported(_ embedding: LFDA.Embedding) throws {
        let wide = SyntheticData(classCount: 3, perClass: 5, featureCount: 4, noiseFeatureCount: 16, seed: 3)
        let metric = try LFDA(embedding: embedding).fit(wide.features, labels: wide.labels)
        #expect(metric.report.details["regularization"] == 0.5)
        #expect(metric.report.details["effectiveRank"] == 14)
        #expect(metric.components.rowCount == 14)
        #expect(metric.components.isFinite)
        #expect(try metric.transform(wide.features).isFinite)
    }

    @Test func orthonormalizedRowsAreOrthonormalAndSpanThePlainOnes() throws {
        let plain = try LFDA(componentCount: 3, neighborCount: 5, embedding: .plain).fit(x, labels: y).components
        let orthonormal = try LFDA(componentCount: 3, neighborCount: 5, embedding: .orthonormalized).fit(x, labels: y)
            .components
        #expect(orthonormal.timesTransposed(orthonormal).maxAbsoluteDifference(from: .identity(3)) <= 1e-12)
        // Each plain row lies in the span of the orthonormal rows: projecting it changes nothing.
        let projected = plain.timesTransposed(orthonormal) * orthonormal
        #expect(projected.maxAbsoluteDifference(from: plain) <= 1e-10 * plain.frobeniusNorm)
    }

    /// A neighbour count beyond a class's size uses the class size − 1, as metric-learn does.
    @Test func neighborCountIsCappedByTheClassSize() throws {
        let data = SyntheticData(classCount: 2, perClass: 6, featureCount: 3, seed: 8)
        let capped = try LFDA(neighborCount: 50).fit(data.features, labels: data.labels)
        let largest = try LFDA(neighborCount: 5).fit(data.features, labels: data.labels)
        #expect(capped.components == largest.components)
    }

    @Test func refusesBadParameters() {
        #expect(throws: MetricLearnError.invalidParameter(name: "neighborCount", value: "0",
                                                          requirement: "must be at least 1")) {
            try LFDA(neighborCount: 0).fit(x, labels: y)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "componentCount", value: "14",
                                                          requirement: "must be between 1 and the feature count (13)")) {
            try LFDA(componentCount: 14).fit(x, labels: y)
        }
        #expect(throws: MetricLearnError.unsupportedSupervision(learner: "lfda", given: "chunklets",
                                                                accepted: ["class labels"])) {
            try LFDA().fit(x, supervision: .chunklets(Chunklets([[0, 1]])), progress: nil)
        }
    }

    /// The protocol on scikit-learn's folds (`protocolAccuracy`): LFDA's 3-NN accuracy is at least
    /// Euclidean 3-NN's minus 0.01 on iris and wine (metric-learn's LFDA is not in `cv_reference.json`; the
    /// benchmark compares it, see Docs/Performance.md).
    @Test(arguments: ["iris", "wine"])
    func accuracyProtocol(_ table: String) throws {
        let accuracy = try protocolAccuracy(of: .lfda(LFDA()), on: table)
        #expect(accuracy >= (try peerAccuracy("euclidean", on: table)) - 0.01)
    }
}
