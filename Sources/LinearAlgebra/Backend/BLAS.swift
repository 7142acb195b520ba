import _CLAPACK

/// Thin, checked wrappers over the CBLAS routines MetricLearn uses. Row-major throughout.
///
/// Every pointer stays inside a `withUnsafe…BufferPointer` closure. Dimensions are converted with
/// `Int32(exactly:)`; a dimension that does not fit is a programmer error (no table that large
/// fits in memory as a dense matrix anyway).
enum BLAS {
    static func int32(_ value: Int) -> Int32 {
        guard let converted = Int32(exactly: value) else {
            preconditionFailure("dimension \(value) exceeds the BLAS integer range")
        }
        return converted
    }

    /// C ← α·op(A)·op(B) + β·C on raw row-major buffers with explicit leading dimensions.
    static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // BLAS leaves C untouched-times-beta; make that explicit for β = 0 (C may hold garbage).
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        BLASThreads.runOnCallingThread()
        cblas_dgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    int32(m), int32(n), int32(k),
                    alpha, a, int32(max(1, lda)), b, int32(max(1, ldb)),
                    beta, c, int32(max(1, ldc)))
    }

    /// C ← α·A·Bᵀ in single precision, A m×k and B n×k row-major (`sgemm`): the screening products of the
    /// neighbour searches. Needs m, n, k ≥ 1.
    static func gemmTransposingB(
        m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>
    ) {
        BLASThreads.runOnCallingThread()
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, int32(m), int32(n), int32(k),
                    alpha, a, int32(k), b, int32(k), 0, c, int32(n))
    }

    /// y ← α·op(A)·x + β·y for a row-major m×n matrix A.
    static func gemv(
        transpose: Bool, m: Int, n: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
    ) {
        let outputCount = transpose ? n : m
        guard outputCount > 0 else { return }
        if m == 0 || n == 0 {
            for i in 0..<outputCount { y[i] = beta == 0 ? 0 : beta * y[i] }
            return
        }
        BLASThreads.runOnCallingThread()
        cblas_dgemv(CblasRowMajor, transpose ? CblasTrans : CblasNoTrans,
                    int32(m), int32(n), alpha, a, int32(max(1, lda)), x, 1, beta, y, 1)
    }

    /// C ← α·A·Aᵀ + β·C (or α·AᵀA + β·C when `transpose`), full symmetric result.
    ///
    /// `dsyrk` fills one triangle; the other is mirrored here so callers get a plain symmetric matrix.
    static func syrk(
        transpose: Bool, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, beta: Double,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard n > 0 else { return }
        if k == 0 {
            for i in 0..<n { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        BLASThreads.runOnCallingThread()
        cblas_dsyrk(CblasRowMajor, CblasUpper, transpose ? CblasTrans : CblasNoTrans,
                    int32(n), int32(k), alpha, a, int32(max(1, lda)), beta, c, int32(max(1, ldc)))
        for i in 0..<n { for j in 0..<i { c[i * ldc + j] = c[j * ldc + i] } }
    }

    /// The dot product of two length-n vectors.
    static func dot(_ n: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        guard n > 0 else { return 0 }
        BLASThreads.runOnCallingThread()
        return cblas_ddot(int32(n), x, 1, y, 1)
    }

    /// y ← α·x + y.
    static func axpy(_ n: Int, alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        guard n > 0 else { return }
        BLASThreads.runOnCallingThread()
        cblas_daxpy(int32(n), alpha, x, 1, y, 1)
    }
}
