import _CLAPACK

/// The LAPACKE calls MetricLearn uses, on row-major buffers. The only place LAPACK is called.
enum LAPACK {
    private static let rowMajor = Int32(LAPACK_ROW_MAJOR)

    private static func ensureFinite(_ elements: [Double], routine: String) throws(LinearAlgebraError) {
        guard elements.allSatisfy(\.isFinite) else { throw .nonFiniteInput(routine: routine) }
    }

    /// Symmetric eigendecomposition (`dsyevd`): eigenvalues ascending; `matrix` is overwritten with the
    /// eigenvectors as columns.
    static func symmetricEigen(_ matrix: inout [Double], order n: Int) throws(LinearAlgebraError) -> [Double] {
        try ensureFinite(matrix, routine: "dsyevd")
        var values = [Double](repeating: 0, count: n)
        guard n > 0 else { return values }
        BLASThreads.runOnCallingThread()
        let info = matrix.withUnsafeMutableBufferPointer { a in
            values.withUnsafeMutableBufferPointer { w in
                LAPACKE_dsyevd(rowMajor, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")),
                               BLAS.int32(n), a.baseAddress, BLAS.int32(n), w.baseAddress)
            }
        }
        try LAPACKInfo.check(info, routine: "dsyevd", positiveMeans: .didNotConverge)
        return values
    }

    /// Generalised symmetric-definite eigenproblem A·x = λ·B·x (`dsygvd`, itype 1) for symmetric A and symmetric
    /// positive definite B: eigenvalues ascending; `a` is overwritten with the eigenvectors as columns, normalised
    /// so that XᵀBX = I. Only the upper triangles are read.
    static func generalizedSymmetricEigen(_ a: inout [Double], _ b: [Double], order n: Int)
        throws(LinearAlgebraError) -> [Double] {
        try ensureFinite(a, routine: "dsygvd")
        try ensureFinite(b, routine: "dsygvd")
        var values = [Double](repeating: 0, count: n)
        guard n > 0 else { return values }
        var factor = b
        BLASThreads.runOnCallingThread()
        let info = a.withUnsafeMutableBufferPointer { pa in
            factor.withUnsafeMutableBufferPointer { pb in
                values.withUnsafeMutableBufferPointer { w in
                    LAPACKE_dsygvd(rowMajor, 1, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), BLAS.int32(n),
                                   pa.baseAddress, BLAS.int32(n), pb.baseAddress, BLAS.int32(n), w.baseAddress)
                }
            }
        }
        // info in 1...n: the reduced problem did not converge; n + i: B's leading minor of order i is not
        // positive definite.
        if info > Int32(n) {
            throw .notPositiveDefinite(routine: "dsygvd", order: Int(info) - n)
        }
        try LAPACKInfo.check(info, routine: "dsygvd", positiveMeans: .didNotConverge)
        return values
    }

    /// Cholesky factorisation (`dpotrf`) in place: the lower triangle becomes L with A = LLᵀ;
    /// the strict upper triangle is zeroed.
    static func cholesky(_ matrix: inout [Double], order n: Int) throws(LinearAlgebraError) {
        try ensureFinite(matrix, routine: "dpotrf")
        guard n > 0 else { return }
        BLASThreads.runOnCallingThread()
        let info = matrix.withUnsafeMutableBufferPointer { a in
            LAPACKE_dpotrf(rowMajor, CChar(UInt8(ascii: "L")), BLAS.int32(n), a.baseAddress, BLAS.int32(n))
        }
        try LAPACKInfo.check(info, routine: "dpotrf", positiveMeans: .notPositiveDefinite)
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { matrix[i * n + j] = 0 } }
    }

    /// Thin SVD (`dgesdd`) of an m×n matrix: U (m×r), singular values (r, descending), Vᵀ (r×n), r = min(m, n).
    static func svd(_ matrix: [Double], rows m: Int, columns n: Int)
        throws(LinearAlgebraError) -> (u: [Double], singularValues: [Double], vt: [Double]) {
        try ensureFinite(matrix, routine: "dgesdd")
        let r = min(m, n)
        var a = matrix
        var s = [Double](repeating: 0, count: r)
        var u = [Double](repeating: 0, count: m * r)
        var vt = [Double](repeating: 0, count: r * n)
        guard r > 0 else { return (u, s, vt) }
        BLASThreads.runOnCallingThread()
        let info = a.withUnsafeMutableBufferPointer { pa in
            s.withUnsafeMutableBufferPointer { ps in
                u.withUnsafeMutableBufferPointer { pu in
                    vt.withUnsafeMutableBufferPointer { pvt in
                        LAPACKE_dgesdd(rowMajor, CChar(UInt8(ascii: "S")), BLAS.int32(m), BLAS.int32(n),
                                       pa.baseAddress, BLAS.int32(n), ps.baseAddress,
                                       pu.baseAddress, BLAS.int32(r), pvt.baseAddress, BLAS.int32(n))
                    }
                }
            }
        }
        try LAPACKInfo.check(info, routine: "dgesdd", positiveMeans: .didNotConverge)
        return (u, s, vt)
    }

    /// Solves A·X = B (`dgesv`, LU with partial pivoting) for square A (n×n) and B (n×k).
    static func solve(_ a: [Double], order n: Int, rightHandSides b: [Double], count k: Int)
        throws(LinearAlgebraError) -> [Double] {
        try ensureFinite(a, routine: "dgesv")
        try ensureFinite(b, routine: "dgesv")
        guard n > 0, k > 0 else { return b }
        var lu = a
        var x = b
        var pivots = [Int32](repeating: 0, count: n)
        BLASThreads.runOnCallingThread()
        let info = lu.withUnsafeMutableBufferPointer { pa in
            pivots.withUnsafeMutableBufferPointer { pp in
                x.withUnsafeMutableBufferPointer { px in
                    LAPACKE_dgesv(rowMajor, BLAS.int32(n), BLAS.int32(k), pa.baseAddress, BLAS.int32(n),
                                  pp.baseAddress, px.baseAddress, BLAS.int32(k))
                }
            }
        }
        try LAPACKInfo.check(info, routine: "dgesv", positiveMeans: .singular)
        return x
    }
}

/// Symmetric eigendecomposition and Cholesky test with caller-owned workspace, for loops that decompose many
/// matrices of one order (`PositiveSemidefiniteProjector`). A symmetric matrix is its own transpose, so these call
/// LAPACK in column-major order on row-major buffers and skip LAPACKE's transposed copies.
extension LAPACK {
    private static let columnMajor = Int32(LAPACK_COL_MAJOR)

    /// The `work` and `iwork` lengths `dsyevd` needs for eigenvectors of order `n`.
    static func symmetricEigenWorkspace(order n: Int) -> (work: Int, iwork: Int) {
        var work = 0.0, iwork: Int32 = 0
        let info = LAPACKE_dsyevd_work(columnMajor, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "L")),
                                       BLAS.int32(n), nil, BLAS.int32(max(1, n)), nil, &work, -1, &iwork, -1)
        precondition(info == 0, "dsyevd workspace query failed (\(info))")
        return (Int(work), Int(iwork))
    }

    /// `dsyevd` on the symmetric n×n matrix at `a`, overwritten so that row j holds the eigenvector of the j-th
    /// eigenvalue (ascending, written to `values`).
    static func symmetricEigen(_ a: UnsafeMutablePointer<Double>, order n: Int, values: UnsafeMutablePointer<Double>,
                               work: UnsafeMutableBufferPointer<Double>,
                               iwork: UnsafeMutableBufferPointer<Int32>) throws(LinearAlgebraError) {
        for index in 0..<(n * n) where !a[index].isFinite { throw .nonFiniteInput(routine: "dsyevd") }
        BLASThreads.runOnCallingThread()
        let info = LAPACKE_dsyevd_work(columnMajor, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "L")),
                                       BLAS.int32(n), a, BLAS.int32(n), values, work.baseAddress,
                                       BLAS.int32(work.count), iwork.baseAddress, BLAS.int32(iwork.count))
        try LAPACKInfo.check(info, routine: "dsyevd", positiveMeans: .didNotConverge)
    }

    /// Whether the symmetric n×n matrix at `a` is positive definite (`dpotrf` succeeds); `a` is overwritten with
    /// the factor. Non-finite input is not positive definite.
    static func isPositiveDefinite(factoring a: UnsafeMutablePointer<Double>, order n: Int) -> Bool {
        for index in 0..<(n * n) where !a[index].isFinite { return false }
        BLASThreads.runOnCallingThread()
        return LAPACKE_dpotrf_work(columnMajor, CChar(UInt8(ascii: "L")), BLAS.int32(n), a, BLAS.int32(n)) == 0
    }
}
