/// A failure reported by a LAPACK routine, translated from its `info` code.
public enum LinearAlgebraError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `info < 0`: argument `position` of `routine` had an illegal value. This is a bug in MetricLearn.
    case illegalArgument(routine: String, position: Int)
    /// The matrix is singular: the factor's diagonal element `index` (1-based) is exactly zero.
    case singular(routine: String, index: Int)
    /// The leading minor of order `order` is not positive definite.
    case notPositiveDefinite(routine: String, order: Int)
    /// The iterative algorithm did not converge (`info` is the routine's count of failures).
    case didNotConverge(routine: String, info: Int)
    /// The input contains NaN or an infinity, which LAPACK cannot handle reliably.
    case nonFiniteInput(routine: String)

    /// A readable message naming the LAPACK routine.
    public var description: String {
        switch self {
        case let .illegalArgument(routine, position):
            "internal error: \(routine) rejected argument \(position) (please report this)"
        case let .singular(routine, index):
            "\(routine): the matrix is singular (zero pivot at position \(index))"
        case let .notPositiveDefinite(routine, order):
            "\(routine): the matrix is not positive definite (leading minor of order \(order))"
        case let .didNotConverge(routine, info):
            "\(routine): the algorithm did not converge (\(info) values failed)"
        case let .nonFiniteInput(routine):
            "\(routine): the matrix contains NaN or infinite values"
        }
    }
}
