/// One iteration's state, handed to a progress callback.
public struct OptimizationProgress: Sendable, Hashable {
    /// The iteration just completed (1-based).
    public let iteration: Int
    /// The objective value after it.
    public let value: Double
    /// The Euclidean norm of the gradient after it.
    public let gradientNorm: Double
    /// For a stochastic fit, whose iterations are epochs: the epoch's batches, objective estimate and pace
    /// (nil for a full-batch fit).
    public let epoch: EpochProgress?

    /// A progress record.
    public init(iteration: Int, value: Double, gradientNorm: Double, epoch: EpochProgress? = nil) {
        self.iteration = iteration
        self.value = value
        self.gradientNorm = gradientNorm
        self.epoch = epoch
    }
}
