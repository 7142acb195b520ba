/// How a minimisation went: its cost, why it stopped, and the objective along the way.
public struct OptimizationReport: Sendable, Hashable, Codable {
    /// The number of completed iterations (accepted steps).
    public let iterations: Int
    /// The number of objective evaluations, the start point's included.
    public let evaluations: Int
    /// Whether the run stopped on the gradient or the relative tolerance (`stopReason.isConvergence`).
    public let didConverge: Bool
    /// Why the run stopped.
    public let stopReason: StopReason
    /// The objective value after each completed iteration; index 0 is the start value, so the array has
    /// `iterations + 1` elements and never increases.
    public let objectiveHistory: [Double]
    /// ‖∇f‖∞ at the returned point.
    public let finalGradientNorm: Double

    /// A report; `didConverge` follows from `stopReason`.
    public init(iterations: Int, evaluations: Int, stopReason: StopReason, objectiveHistory: [Double],
                finalGradientNorm: Double) {
        self.iterations = iterations
        self.evaluations = evaluations
        self.didConverge = stopReason.isConvergence
        self.stopReason = stopReason
        self.objectiveHistory = objectiveHistory
        self.finalGradientNorm = finalGradientNorm
    }
}
