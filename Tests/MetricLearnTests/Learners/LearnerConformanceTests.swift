import Foundation
import MetricLearn
import Testing

/// Every learner, in the configurations the contract checks run on (the Swift counterpart of
/// scikit-learn's `estimator_checks` and metric-learn's parameterized Mahalanobis tests).
let allLearners: [any MetricLearner] = [
    Whitening(mode: .total, shrinkage: .none),
    Whitening(mode: .withinClass, shrinkage: .ledoitWolf),
    Whitening(shrinkage: .fixed(0.2), componentCount: 2),
    NCA(maxIterations: 20),
    NCA(componentCount: 2, initialization: .random, maxIterations: 10, seed: 7),
    FeatureReweighting(),
    FeatureReweighting(method: .reliefF(neighborCount: 5)),
    LMNN(),
    LMNN(componentCount: 2, initialization: .random, loss: .squaredHinge, seed: 5),
    ITML(),
    ITML(prior: .covariance, bounds: .given(lower: 1, upper: 10), slack: 1e6, constraintCount: 30, seed: 3),
    MMC(),
    MMC(shape: .diagonal, constraintCount: 30, seed: 2),
    GMML(),
    GMML(geodesicStep: 0.3, regularization: 0.5, constraintCount: 25, seed: 4),
    LFDA(),
    LFDA(componentCount: 2, neighborCount: 3, embedding: .orthonormalized),
    DMLMJ(),
    DMLMJ(componentCount: 2, neighborCount: 5),
    RCA(),
    RCA(componentCount: 2, chunkCount: 10, chunkSize: 3, seed: 4),
    MLKR(maxIterations: 20),
    MLKR(componentCount: 2, initialization: .random, maxIterations: 10, seed: 7),
    AutoLearner(folds: 2),
]

extension MetricLearner {
    /// Whether the learner learns from class labels; the shared suites give the others regression targets.
    var learnsFromClassLabels: Bool { Self.registration.supervision.contains(.classLabels) }

    /// The supervision the shared suites give this learner for samples of classes `labels`: the labels, or for a
    /// learner of regression targets, each sample's class index as its target (the classes of the suites' data
    /// are clusters, so the targets are a smooth function of the features).
    func supervision(classes labels: [Int]) -> Supervision {
        learnsFromClassLabels ? .classLabels(labels) : .regressionTargets(labels.map(Double.init))
    }

    /// Fits on `x` with `supervision(classes: labels)`.
    func fit(_ x: Matrix, classes labels: [Int]) throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, supervision: supervision(classes: labels), progress: nil)
    }

    /// The error for labels of one class only: `singleClass`, or for a learner of regression targets the refusal
    /// of constant targets.
    func singleClassError(label: String) -> MetricLearnError {
        learnsFromClassLabels ? .singleClass(label: label)
            : .invalidData(what: "targets", value: "all \(Double(label) ?? 0)",
                           requirement: "must not all be equal: constant targets leave nothing to learn")
    }
}

/// The contract every `MetricLearner` must keep, checked on each learner in `allLearners`.
@Suite struct LearnerConformanceTests {
    let data = SyntheticData()

    @Test(arguments: allLearners.indices)
    func rejectsNonFiniteValues(_ index: Int) {
        for bad in [Double.nan, .infinity, -.infinity] {
            var x = data.features
            x[7, 2] = bad
            #expect(throws: MetricLearnError.nonFiniteValue(row: 7, column: 2)) {
                try allLearners[index].fit(x, classes: data.labels)
            }
        }
    }

    @Test(arguments: allLearners.indices)
    func rejectsEmptyInput(_ index: Int) {
        #expect(throws: MetricLearnError.emptyInput(what: "no samples")) {
            try allLearners[index].fit(Matrix(rowCount: 0, columnCount: 4), classes: [])
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no features")) {
            try allLearners[index].fit(Matrix(rowCount: 3, columnCount: 0), classes: [0, 1, 1])
        }
    }

    @Test(arguments: allLearners.indices)
    func rejectsASingleClass(_ index: Int) {
        #expect(throws: allLearners[index].singleClassError(label: "0")) {
            try allLearners[index].fit(data.features, classes: [Int](repeating: 0, count: data.labels.count))
        }
    }

    @Test(arguments: allLearners.indices)
    func refusesSupervisionItsRegistrationDoesNotList(_ index: Int) {
        let learner = allLearners[index]
        let registration = type(of: learner).registration
        let kinds: [Supervision] = [.classLabels(data.labels), .regressionTargets(data.labels.map(Double.init))]
        for supervision in kinds where !registration.supervision.contains(supervision.kind) {
            #expect(throws: MetricLearnError.unsupportedSupervision(
                learner: registration.name, given: supervision.kind.description,
                accepted: registration.supervision.map(\.description))) {
                try learner.fit(data.features, supervision: supervision, progress: nil)
            }
        }
    }

    @Test(arguments: allLearners.indices)
    func rejectsMismatchedLabelCount(_ index: Int) {
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 45, labelCount: 44)) {
            try allLearners[index].fit(data.features, classes: Array(data.labels.dropLast()))
        }
    }

    @Test(arguments: allLearners.indices)
    func transformRejectsWrongWidthAndNonFiniteValues(_ index: Int) throws {
        let metric = try allLearners[index].fit(data.features, classes: data.labels)
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 4, actual: 3)) {
            try metric.transform(data.features.columns(at: [0, 1, 2]))
        }
        var x = data.features
        x[3, 1] = .nan
        #expect(throws: MetricLearnError.nonFiniteValue(row: 3, column: 1)) { try metric.transform(x) }
    }

    @Test(arguments: allLearners.indices)
    func sameSeedGivesSameBits(_ index: Int) throws {
        let first = try allLearners[index].fit(data.features, classes: data.labels)
        let second = try allLearners[index].fit(data.features, classes: data.labels)
        #expect(first.components == second.components)
        #expect(first.report.objectiveHistory == second.report.objectiveHistory)
    }

    @Test(arguments: allLearners.indices)
    func transformingARowSubsetEqualsTheSubsetOfTheTransform(_ index: Int) throws {
        let metric = try allLearners[index].fit(data.features, classes: data.labels)
        let rows = [44, 0, 17, 17, 3]
        let whole = try metric.transform(data.features).rows(at: rows)
        let subset = try metric.transform(data.features.rows(at: rows))
        #expect(subset.maxAbsoluteDifference(from: whole) <= 1e-12 * max(1, whole.frobeniusNorm))
    }

    @Test(arguments: allLearners.indices)
    func codableRoundTripIsExact(_ index: Int) throws {
        let metric = try allLearners[index].fit(data.features, classes: data.labels)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let decoded = try JSONDecoder().decode(MahalanobisMetric.self, from: encoder.encode(metric))
        #expect(decoded == metric)
        #expect(try encoder.encode(decoded) == encoder.encode(metric))
        #expect(decoded.report.learner.learner.configuration == allLearners[index].configuration)
    }

    @Test(arguments: allLearners.indices)
    func reportNamesTheLearnerAndItsConfiguration(_ index: Int) throws {
        let metric = try allLearners[index].fit(data.features, classes: data.labels)
        #expect(metric.report.learner == allLearners[index].configuration)
        #expect(metric.report.fitSeconds >= 0)
        #expect(metric.featureNames == ["x0", "x1", "x2", "x3"])
        #expect(metric.components.isFinite)
    }
}
