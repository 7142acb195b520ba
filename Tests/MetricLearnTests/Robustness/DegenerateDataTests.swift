import MetricLearn
import Testing

/// Valid but degenerate data, each with the refusals a learner may give instead of a metric.
struct DegenerateData: Sendable, CustomTestStringConvertible {
    let name: String
    let features: Matrix
    let labels: [Int]
    /// Whether `error` is a documented refusal for this data (see Docs/Robustness.md).
    let isAcceptableRefusal: @Sendable (MetricLearnError) -> Bool

    var testDescription: String { name }

    /// A class smaller than a learner needs (LMNN: neighborCount + 1) is the only refusal allowed anywhere.
    static let refusesOnlySmallClasses: @Sendable (MetricLearnError) -> Bool = {
        if case .classTooSmall = $0 { true } else { false }
    }

    static let all: [DegenerateData] = {
        let base = SyntheticData()
        func with(_ name: String, _ features: Matrix, _ labels: [Int] = base.labels) -> DegenerateData {
            DegenerateData(name: name, features: features, labels: labels, isAcceptableRefusal: refusesOnlySmallClasses)
        }
        var constant = base.features
        for i in 0..<constant.rowCount { constant[i, 1] = 5 }
        var collinear = base.features
        for i in 0..<collinear.rowCount { collinear[i, 3] = 2 * collinear[i, 0] - collinear[i, 1] }
        let doubledRows = (0..<base.labels.count).flatMap { [$0, $0] }
        let wide = SyntheticData(classCount: 2, perClass: 4, featureCount: 3, noiseFeatureCount: 9)
        let pairs = SyntheticData(classCount: 3, perClass: 2)
        let far = SyntheticData(separation: 1000)
        var lonely = base.labels
        lonely[44] = 3
        return [
            with("a constant column", constant),
            with("every row twice", base.features.rows(at: doubledRows), doubledRows.map { base.labels[$0] }),
            with("more features (12) than samples (8)", wide.features, wide.labels),
            with("two samples per class", pairs.features, pairs.labels),
            with("values near 1e+150", base.features * 1e150),
            with("values near 1e-150", base.features * 1e-150),
            with("a column that is a linear combination of two others", collinear),
            with("classes so far apart that there are no impostors", far.features, far.labels),
            with("a class with one sample", base.features, lonely),
        ]
    }()
}

/// Every learner on every kind of degenerate data: a finite, symmetric PSD metric whose transform of
/// the data is finite, or a documented refusal. Never a NaN, never a trap.
@Suite struct DegenerateDataTests {
    static let cases = DegenerateData.all.flatMap { data in allLearners.indices.map { (data, $0) } }

    @Test(arguments: cases)
    func givesAFinitePSDMetricOrADocumentedRefusal(_ data: DegenerateData, _ learner: Int) throws {
        let metric: MahalanobisMetric
        do {
            metric = try allLearners[learner].fit(data.features, labels: data.labels)
        } catch {
            #expect(data.isAcceptableRefusal(error), "\(allLearners[learner].configuration.name) refused: \(error)")
            return
        }
        #expect(metric.components.isFinite)
        #expect(metric.components.columnCount == data.features.columnCount)
        #expect(metric.report.objectiveHistory.allSatisfy { $0.isFinite })
        #expect(metric.report.details.values.allSatisfy { $0.isFinite })
        #expect(metric.featureWeights?.allSatisfy { $0.weight.isFinite && $0.weight >= 0 } ?? true)

        let m = metric.mahalanobisMatrix
        #expect(m.isFinite)
        #expect(m.isSymmetric(tolerance: 1e-12))
        if m.isFinite {
            let eigenvalues = try SymmetricEigendecomposition(m).eigenvalues
            #expect(eigenvalues.allSatisfy { $0 >= -1e-10 * max(eigenvalues.last ?? 0, .leastNormalMagnitude) },
                    "eigenvalues \(eigenvalues)")
        }
        #expect(try metric.transform(data.features).isFinite)
    }
}
