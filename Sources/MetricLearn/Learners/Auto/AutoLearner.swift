/// Picks the learner for the data: an inner stratified cross-validation, on the training data only, of every
/// learner the registry lists for class labels (each at its defaults) and of plain Euclidean distance, scored by
/// the accuracy of k-nearest neighbours in each learned space; the winner is refitted on all the data.
///
/// The candidates come from `LearnerRegistry` (`learners(learningFrom: .classLabels)`), so a learner added there
/// joins the search. A candidate that fails on a fold (too few samples per class for its rule, say) is ranked last
/// with its error; the fit fails only when every candidate does. The returned metric is the winner's, and its
/// `report` records this configuration, the winner's iterations and details, and the whole ranking
/// (`FitReport.ranking`). Inside `crossValidate` or `evaluate` the search runs within each outer training fold, so
/// the outer test samples never choose the learner.
///
/// Cost: `folds` fits of every candidate on (folds − 1)/folds of the samples, plus one refit of the winner: with the
/// default 3 folds, about 2× the sum of the candidates' fit times. See <doc:Algorithm-AutoLearner>.
public struct AutoLearner: MetricLearner {
    /// The folds of the inner cross-validation (default 3).
    public var folds: Int
    /// The neighbours that vote in the inner cross-validation (default 3, as `evaluate`).
    public var neighborCount: Int
    /// The seed of the inner folds and of every candidate's random choices.
    public var seed: UInt64

    /// Creates an automatic selection; parameters are checked in `fit`.
    public init(folds: Int = 3, neighborCount: Int = 3, seed: UInt64 = 0) {
        self.folds = folds
        self.neighborCount = neighborCount
        self.seed = seed
    }

    /// The default configuration.
    public init() { self.init(folds: 3) }

    /// False: several candidates (and Euclidean distance) depend on the features' units.
    public var isScaleInvariant: Bool { false }

    /// The candidates, in registry order after Euclidean distance (nil): every learner of class labels but this
    /// one, at its defaults with this seed.
    public var candidates: [LearnerConfiguration?] {
        let learners = LearnerRegistry.learners(learningFrom: .classLabels)
            .filter { ObjectIdentifier($0.learnerType) != ObjectIdentifier(Self.self) }
            .compactMap { registration in
                try? registration.configuration(setting: registration.parameter(named: "seed") == nil ? [:] : ["seed": seed])
            }
        return [nil] + learners
    }

    /// Cross-validates every candidate on `x` and its class labels, and refits the most accurate on all of it.
    ///
    /// - Throws: `unsupportedSupervision` for other supervision, `invalidParameter` for `folds` above the smallest
    ///   class's size, and the first candidate's error when every candidate fails.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let labels = try supervision.classLabels(for: Self.registration)
        try Validation.checkLabeled(x, labels: labels)
        try validateParameters(featureCount: x.columnCount)
        let classCount = (labels.max() ?? 0) + 1
        let dataset = try Dataset(features: x, labels: labels, classNames: (0..<classCount).map { "\($0)" },
                                  featureNames: (0..<x.columnCount).map { "x\($0)" })
        try Validation.require(folds <= labels.count, "folds", folds, "must be at most the number of samples (\(labels.count))")
        let splits = try StratifiedKFold(foldCount: folds, seed: seed).folds(labels: labels)
        let classifier = KNearestNeighbors(neighborCount: neighborCount)
        let candidates = candidates
        var scores: [(candidate: Int, result: CrossValidationResult)] = []
        var failures: [(candidate: Int, error: MetricLearnError)] = []
        for (index, learner) in candidates.enumerated() {
            do {
                let pipeline = Pipeline(scaler: nil, learner: learner, classifier: classifier)
                scores.append((index, try crossValidate(pipeline, dataset, splits: splits)))
            } catch {
                failures.append((index, error))
            }
        }
        guard !scores.isEmpty else { throw failures[0].error }
        let order = GridSearch.rankingOrder(of: scores.map(\.result.accuracy)).map { scores[$0] }
        let ranking = LearnerRanking(
            entries: order.map { LearnerRanking.Entry(learner: candidates[$0.candidate], crossValidation: $0.result) }
                + failures.map { LearnerRanking.Entry(learner: candidates[$0.candidate], failure: $0.error.description) })
        let winner = try candidates[order[0].candidate].map { configuration throws(MetricLearnError) in
            try configuration.learner.fit(x, supervision: supervision, progress: progress)
        }
        let report = FitReport(learner: configuration, iterations: winner?.report.iterations ?? 0,
                               didConverge: winner?.report.didConverge ?? true,
                               objectiveHistory: winner?.report.objectiveHistory ?? [],
                               fitSeconds: stopwatch.elapsedSeconds, details: winner?.report.details ?? [:],
                               ranking: ranking)
        return MahalanobisMetric(components: winner?.components ?? .identity(x.columnCount),
                                 featureWeights: winner?.featureWeights, report: report)
    }
}
