/// The Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (LAPACK `dpotrf`).
public struct Cholesky: Sendable, Hashable {
    /// The lower-triangular factor L (zeros above the diagonal).
    public let lower: Matrix

    /// Factorises a symmetric positive definite matrix; only its lower triangle is read.
    ///
    /// - Precondition: `matrix` is square.
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` naming the failing leading minor.
    public init(_ matrix: Matrix) throws(LinearAlgebraError) {
        precondition(matrix.isSquare, "A Cholesky factorisation needs a square matrix")
        var factor = matrix.elements
        try LAPACK.cholesky(&factor, order: matrix.rowCount)
        lower = Matrix(rowCount: matrix.rowCount, columnCount: matrix.columnCount, elements: factor)
    }
}
