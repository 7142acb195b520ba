import MetricLearn
import Testing

/// A documented refusal: an error a learner may give on degenerate data instead of a metric
/// (Docs/Robustness.md lists which learner gives which, and why).
enum Refusal: Sendable {
    /// A class smaller than the learner needs (LMNN: neighborCount + 1 samples).
    case classTooSmall
    /// A prior that needs a non-singular covariance (ITML with `prior: .covariance`).
    case singularCovariancePrior
    /// Features on a scale the learner cannot work at: LMNN's squared-hinge objective overflows, ITML's
    /// updates from the identity prior lose M to round-off. The error says to standardise.
    case featureScale
    /// Similar pairs whose differences do not span every feature direction (GMML without regularisation: Σ vvᵀ
    /// is singular). The error says to set `regularization`.
    case singularSimilarScatter

    func matches(_ error: MetricLearnError) -> Bool {
        switch (self, error) {
        case (.classTooSmall, .classTooSmall): true
        case let (.singularCovariancePrior, .invalidData(what, _, requirement)):
            what == "features" && requirement.contains("covariance prior")
        case let (.featureScale, .invalidData(what, value, _)): what == "features" && value == "on this scale"
        case let (.singularSimilarScatter, .invalidData(what, _, _)): what == "constraints.similar"
        default: false
        }
    }
}

/// Valid but degenerate data, with the refusals a learner may give instead of a metric.
struct DegenerateData: Sendable, CustomTestStringConvertible {
    let name: String
    let features: Matrix
    let labels: [Int]
    let refusals: [Refusal]

    var testDescription: String { name }

    static let all: [DegenerateData] = {
        let base = SyntheticData()
        func data(_ name: String, _ features: Matrix, _ labels: [Int] = base.labels,
                  refusals: [Refusal] = []) -> DegenerateData {
            DegenerateData(name: name, features: features, labels: labels, refusals: refusals)
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
            data("a constant column", constant, refusals: [.singularCovariancePrior, .singularSimilarScatter]),
            data("every row twice", base.features.rows(at: doubledRows), doubledRows.map { base.labels[$0] }),
            data("more features (12) than samples (8)", wide.features, wide.labels,
                 refusals: [.singularCovariancePrior, .singularSimilarScatter]),
            data("two samples per class", pairs.features, pairs.labels, refusals: [.classTooSmall, .singularSimilarScatter]),
            data("values near 1e+150", base.features * 1e150, refusals: [.featureScale]),
            data("values near 1e-150", base.features * 1e-150),
            data("values near 1e+160, whose squares overflow", base.features * 1e160, refusals: [.featureScale]),
            data("values near 1e-170, whose squares underflow", base.features * 1e-170, refusals: [.featureScale]),
            data("a column that is a linear combination of two others", collinear,
                 refusals: [.singularCovariancePrior, .singularSimilarScatter]),
            data("classes so far apart that there are no impostors", far.features, far.labels),
            data("a class with one sample", base.features, lonely, refusals: [.classTooSmall]),
        ]
    }()
}

/// Every learner on every kind of degenerate data: a finite, non-zero, symmetric PSD metric whose
/// transform of the data is finite, or a documented refusal. Never a NaN, never a trap.
@Suite struct DegenerateDataTests {
    static let cases = DegenerateData.all.flatMap { data in allLearners.indices.map { (data, $0) } }

    @Test(arguments: cases)
    func givesAFinitePSDMetricOrADocumentedRefusal(_ data: DegenerateData, _ learner: Int) throws {
        let metric: MahalanobisMetric
        do {
            metric = try allLearners[learner].fit(data.features, classes: data.labels)
        } catch {
            #expect(data.refusals.contains { $0.matches(error) }, "\(allLearners[learner].configuration.name) refused: \(error)")
            return
        }
        #expect(metric.components.isFinite)
        #expect(metric.components.columnCount == data.features.columnCount)
        #expect(metric.report.objectiveHistory.allSatisfy { $0.isFinite })
        #expect(metric.report.details.values.allSatisfy { $0.isFinite })
        #expect(metric.featureWeights?.allSatisfy { $0.weight.isFinite && $0.weight >= 0 } ?? true)

        let m = metric.mahalanobisMatrix
        #expect(m.isFinite)
        #expect(m.elements.contains { $0 != 0 }, "the metric collapsed to zero: every distance is 0")
        #expect(m.isSymmetric(tolerance: 1e-12))
        if m.isFinite {
            let eigenvalues = try SymmetricEigendecomposition(m).eigenvalues
            #expect(eigenvalues.allSatisfy { $0 >= -1e-10 * max(eigenvalues.last ?? 0, .leastNormalMagnitude) },
                    "eigenvalues \(eigenvalues)")
        }
        #expect(try metric.transform(data.features).isFinite)
    }
}
