/// One iteration's state, handed to a progress callback.
public struct OptimizationProgress: Sendable, Hashable {
    /// The iteration just completed (1-based).
    public let iteration: Int
    /// The objective value after it.
    public let value: Double
    /// The Euclidean norm of the gradient after it.
    public let gradientNorm: Double

    /// A progress record.
    public init(iteration: Int, value: Double, gradientNorm: Double) {
        self.iteration = iteration
        self.value = value
        self.gradientNorm = gradientNorm
    }
}
