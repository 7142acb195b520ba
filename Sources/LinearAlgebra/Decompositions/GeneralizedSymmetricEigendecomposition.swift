/// The solutions of A·v = λ·B·v for symmetric A and symmetric positive definite B (LAPACK `dsygvd`, which
/// reduces the problem to one symmetric eigenproblem through the Cholesky factor of B).
///
/// Only the upper triangles of the inputs are read. Eigenvalues are ascending; the columns of `eigenvectors`
/// are the matching eigenvectors V, normalised so that VᵀBV = I (and so VᵀAV = diag(λ)).
public struct GeneralizedSymmetricEigendecomposition: Sendable, Hashable {
    /// Eigenvalues, ascending.
    public let eigenvalues: [Double]
    /// B-orthonormal eigenvectors as columns, in the order of `eigenvalues`.
    public let eigenvectors: Matrix

    /// Solves A·v = λ·B·v.
    ///
    /// - Precondition: `a` and `b` are square and of the same order.
    /// - Throws: `LinearAlgebraError.nonFiniteInput` for NaN/∞, `.notPositiveDefinite` when B is not positive
    ///   definite (naming the failing leading minor), `.didNotConverge` if LAPACK fails.
    public init(_ a: Matrix, _ b: Matrix) throws(LinearAlgebraError) {
        precondition(a.isSquare && b.isSquare && a.rowCount == b.rowCount,
                     "A generalised eigenproblem needs two square matrices of the same order")
        var vectors = a.elements
        eigenvalues = try LAPACK.generalizedSymmetricEigen(&vectors, b.elements, order: a.rowCount)
        eigenvectors = Matrix(rowCount: a.rowCount, columnCount: a.columnCount, elements: vectors)
    }
}
