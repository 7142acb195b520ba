/// A metric-learning algorithm's configuration: a plain value of hyper-parameters whose `fit` returns a
/// fitted `MahalanobisMetric`. Parameters are stored as given and validated in `fit`.
///
/// Every learner registers itself (`registration`, listed in `LearnerRegistry.all`): that is how the command
/// line, model files, `evaluate` and the documentation know it.
public protocol MetricLearner: Sendable, Hashable, Codable {
    /// The learner's name, supervision and parameters.
    static var registration: LearnerRegistration { get }

    /// The configuration with every parameter at its default.
    init()

    /// Whether rescaling a feature column (x_j → c·x_j) leaves the learned distances unchanged, in exact
    /// arithmetic. Learners that are not should see standardised features.
    var isScaleInvariant: Bool { get }

    /// Learns a metric from samples (rows of `x`) and `supervision` of a kind the registration lists.
    ///
    /// `progress`, when given, is called after each solver iteration of iterative learners.
    /// - Throws: `unsupportedSupervision` for another kind of supervision, and the learner's own errors.
    func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric
}

extension MetricLearner {
    /// This configuration, wrapped for reports and model files.
    public var configuration: LearnerConfiguration { LearnerConfiguration(self) }

    /// Checks every parameter by the rule its registration declares (`LearnerRegistration.validate`), for data
    /// with `featureCount` features; nil checks, before the data is known, the rules that hold for any data.
    ///
    /// - Throws: `invalidParameter` naming the first parameter whose value breaks its rule.
    public func validateParameters(featureCount: Int?) throws(MetricLearnError) {
        try Self.registration.validate(self, featureCount: featureCount)
    }

    /// Learns a metric from samples and their class labels (0, 1, 2, …).
    public func fit(_ x: Matrix, labels: [Int], progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, supervision: .classLabels(labels), progress: progress)
    }

    /// Learns a metric from samples and their real-valued regression targets.
    public func fit(_ x: Matrix, targets: [Double], progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, supervision: .regressionTargets(targets), progress: progress)
    }
}

/// Measures the wall-clock time of a fit.
struct Stopwatch {
    private let start = ContinuousClock.now

    /// Seconds since creation.
    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

/// A learner that can continue from a fitted metric instead of its initialization (a warm start).
public protocol WarmStartLearner: MetricLearner {
    /// The output dimension k (nil keeps the starting metric's); a warm start needs the metric's own.
    var componentCount: Int? { get }

    /// Learns a metric starting from the components of `metric`.
    ///
    /// - Throws: `featureCountMismatch` when `metric` was learned on another number of features,
    ///   `invalidParameter` when the learner's output dimension is set and differs from the metric's.
    func fit(_ x: Matrix, supervision: Supervision, startingFrom metric: MahalanobisMetric,
             progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric
}

extension WarmStartLearner {
    /// Learns a metric from samples and class labels, starting from the components of `metric`.
    public func fit(_ x: Matrix, labels: [Int], startingFrom metric: MahalanobisMetric,
                    progress: ((OptimizationProgress) -> Void)? = nil) throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, supervision: .classLabels(labels), startingFrom: metric, progress: progress)
    }

    /// Learns a metric from samples and regression targets, starting from the components of `metric`.
    public func fit(_ x: Matrix, targets: [Double], startingFrom metric: MahalanobisMetric,
                    progress: ((OptimizationProgress) -> Void)? = nil) throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, supervision: .regressionTargets(targets), startingFrom: metric, progress: progress)
    }
}
