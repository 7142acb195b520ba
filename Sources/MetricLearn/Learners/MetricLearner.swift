/// A metric-learning algorithm's configuration: a plain value of hyper-parameters whose `fit`
/// returns a fitted `MahalanobisMetric`. Parameters are stored as given and validated in `fit`.
public protocol MetricLearner: Sendable, Hashable, Codable {
    /// This configuration, wrapped for reports and model files.
    var configuration: LearnerConfiguration { get }

    /// Learns a metric from samples (rows of `x`) and their class labels (0, 1, 2, …).
    ///
    /// `progress`, when given, is called after each solver iteration of iterative learners.
    func fit(_ x: Matrix, labels: [Int], progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric
}

extension MetricLearner {
    /// Learns a metric from samples and their class labels.
    public func fit(_ x: Matrix, labels: [Int]) throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, labels: labels, progress: nil)
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
