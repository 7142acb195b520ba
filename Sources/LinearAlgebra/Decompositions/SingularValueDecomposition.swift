/// The thin singular value decomposition A = U·diag(σ)·Vᵀ (LAPACK `dgesdd`).
///
/// For an m×n matrix with r = min(m, n): `u` is m×r, `singularValues` has r values in
/// descending order, and `vt` is r×n.
public struct SingularValueDecomposition: Sendable, Hashable {
    /// Left singular vectors as columns (m×r).
    public let u: Matrix
    /// Singular values, descending.
    public let singularValues: [Double]
    /// Right singular vectors as rows (r×n).
    public let vt: Matrix

    /// Decomposes any real matrix.
    ///
    /// - Throws: `LinearAlgebraError.nonFiniteInput` for NaN/∞, `.didNotConverge` if LAPACK fails.
    public init(_ matrix: Matrix) throws(LinearAlgebraError) {
        let (m, n) = (matrix.rowCount, matrix.columnCount)
        let r = min(m, n)
        let result = try LAPACK.svd(matrix.elements, rows: m, columns: n)
        u = Matrix(rowCount: m, columnCount: r, elements: result.u)
        singularValues = result.singularValues
        vt = Matrix(rowCount: r, columnCount: n, elements: result.vt)
    }
}
