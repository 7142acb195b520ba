/// Why a minimisation stopped.
public enum StopReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// ‖∇f‖∞ fell to the gradient tolerance: converged.
    case gradientTolerance
    /// The relative decrease of f in one iteration fell to the relative tolerance: converged.
    case relativeTolerance
    /// The iteration budget ran out before either tolerance was met.
    case maxIterations
    /// No step satisfying the strong Wolfe conditions was found; the best point seen is returned.
    case lineSearchFailed
    /// The objective's value or gradient at the start point is not finite.
    case nonFiniteValue

    /// Whether stopping for this reason means the minimiser converged.
    var isConvergence: Bool {
        switch self {
        case .gradientTolerance, .relativeTolerance: true
        case .maxIterations, .lineSearchFailed, .nonFiniteValue: false
        }
    }
}
