/// Matrix products written into caller-owned row-major buffers (BLAS `dgemm`).
///
/// The `Matrix` products allocate their result. Hot loops that process data in row blocks and
/// reuse their storage between iterations (NCA's blocked gradient, for instance) use this instead.
/// A contiguous run of rows of a row-major matrix is itself a row-major matrix, so a block is a
/// slice of a buffer (`UnsafeBufferPointer(rebasing:)`). Package-internal: pointer-level plumbing for
/// MetricLearn's kernels, not API.
package enum BufferProducts {
    /// C ← α·op(A)·op(B) + β·C, where op(A) is m×k, op(B) is k×n and C is m×n.
    ///
    /// All three are dense and row-major with no padding: A is stored m×k (or k×m when
    /// `transposingA`), B is stored k×n (or n×k when `transposingB`). With β = 0, C's prior
    /// contents are ignored.
    /// - Precondition: each buffer holds at least the elements its shape needs.
    package static func multiply(
        _ a: UnsafeBufferPointer<Double>, transposingA: Bool = false,
        _ b: UnsafeBufferPointer<Double>, transposingB: Bool = false,
        into c: UnsafeMutableBufferPointer<Double>,
        m: Int, n: Int, k: Int, alpha: Double = 1, beta: Double = 0
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "Product dimensions must be non-negative")
        precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "A buffer is too small for the product")
        guard m > 0, n > 0, let pc = c.baseAddress else { return }
        guard k > 0, let pa = a.baseAddress, let pb = b.baseAddress else {
            for index in 0..<(m * n) { pc[index] = beta == 0 ? 0 : beta * pc[index] }
            return
        }
        BLAS.gemm(transposeA: transposingA, transposeB: transposingB, m: m, n: n, k: k,
                  alpha: alpha, a: pa, lda: transposingA ? m : k, b: pb, ldb: transposingB ? k : n,
                  beta: beta, c: pc, ldc: n)
    }
}
