/// The outcome of a minimisation: the point reached, f and ∇f there, and a report.
public struct OptimizationResult: Sendable, Hashable {
    /// The best point found (never worse than the start).
    public let point: [Double]
    /// f(`point`).
    public let value: Double
    /// ∇f(`point`).
    public let gradient: [Double]
    /// Iterations, evaluations, stop reason and objective history.
    public let report: OptimizationReport
}
