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

    /// C ← α·A·Bᵀ in single precision (`sgemm`), A m×k and B n×k row-major, C m×n: for screens whose
    /// round-off the caller bounds, at twice the speed of `multiply`.
    /// - Precondition: each buffer holds at least the elements its shape needs.
    package static func multiplyTransposingB(
        _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>, into c: UnsafeMutableBufferPointer<Float>,
        m: Int, n: Int, k: Int, alpha: Float
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "Product dimensions must be non-negative")
        precondition(a.count >= m * k && b.count >= n * k && c.count >= m * n, "A buffer is too small for the product")
        guard m > 0, n > 0, let pc = c.baseAddress else { return }
        guard k > 0, let pa = a.baseAddress, let pb = b.baseAddress else {
            for index in 0..<(m * n) { pc[index] = 0 }
            return
        }
        BLAS.gemmTransposingB(m: m, n: n, k: k, alpha: alpha, a: pa, b: pb, c: pc)
    }
}

extension BufferProducts {
    /// C rows per job of `multiplyInParallel` when C is tall.
    package static let parallelRowBlock = 128
    /// Inner-dimension rows per partial product of `multiplyInParallel` when C is small and the inner dimension long.
    package static let parallelInnerChunk = 512
    /// Multiply-adds below which `multiplyInParallel` is `multiply`: about 20 µs of one core's work.
    package static let parallelThreshold = 1 << 20

    /// The product of `multiply`, spread over the cores when it is large — for products made outside `Parallel`
    /// jobs (inside a job, `multiply`). A tall C is cut into blocks of `parallelRowBlock` rows, one `dgemm` a
    /// job; a short C with a long inner dimension k (a Gram-like Zᵀ·X) into chunks of `parallelInnerChunk` of k,
    /// whose partial products are added in chunk order. The split depends only on m, n and k, so the result is
    /// the same bits on any machine; below `parallelThreshold` multiply-adds, or when neither split applies, it
    /// is `multiply`'s single call.
    package static func multiplyInParallel(
        _ a: UnsafeBufferPointer<Double>, transposingA: Bool = false,
        _ b: UnsafeBufferPointer<Double>, transposingB: Bool = false,
        into c: UnsafeMutableBufferPointer<Double>,
        m: Int, n: Int, k: Int, alpha: Double = 1, beta: Double = 0
    ) {
        let work = m * n * k
        guard work >= parallelThreshold, m >= 2 * parallelRowBlock || k >= 2 * parallelInnerChunk,
              let pa = a.baseAddress, let pb = b.baseAddress, let pc = c.baseAddress else {
            multiply(a, transposingA: transposingA, b, transposingB: transposingB, into: c,
                     m: m, n: n, k: k, alpha: alpha, beta: beta)
            return
        }
        precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "A buffer is too small for the product")
        let operands = ProductOperands(a: pa, b: pb, c: pc)
        if m >= 2 * parallelRowBlock {
            Parallel.forEach(jobs: (m + parallelRowBlock - 1) / parallelRowBlock, work: work) { block, _ in
                let rows = (block * parallelRowBlock)..<min(m, (block + 1) * parallelRowBlock)
                BLAS.gemm(transposeA: transposingA, transposeB: transposingB, m: rows.count, n: n, k: k, alpha: alpha,
                          a: operands.a + rows.lowerBound * (transposingA ? 1 : k), lda: transposingA ? m : k,
                          b: operands.b, ldb: transposingB ? k : n,
                          beta: beta, c: operands.c + rows.lowerBound * n, ldc: n)
            }
            return
        }
        let chunkCount = (k + parallelInnerChunk - 1) / parallelInnerChunk
        let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunkCount * m * n)
        defer { partials.deallocate() }
        let sums = ProductOperands(a: pa, b: pb, c: partials.baseAddress!)
        Parallel.forEach(jobs: chunkCount, work: work) { chunk, _ in
            let inner = (chunk * parallelInnerChunk)..<min(k, (chunk + 1) * parallelInnerChunk)
            BLAS.gemm(transposeA: transposingA, transposeB: transposingB, m: m, n: n, k: inner.count, alpha: alpha,
                      a: sums.a + inner.lowerBound * (transposingA ? m : 1), lda: transposingA ? m : k,
                      b: sums.b + inner.lowerBound * (transposingB ? 1 : n), ldb: transposingB ? k : n,
                      beta: 0, c: sums.c + chunk * m * n, ldc: n)
        }
        for index in 0..<(m * n) {
            var sum = beta == 0 ? 0 : beta * pc[index]
            for chunk in 0..<chunkCount { sum += partials[chunk * m * n + index] }
            pc[index] = sum
        }
    }
}

/// The operands of a product split into `Parallel` jobs; each job writes only its own rows or partial of C.
private struct ProductOperands: @unchecked Sendable {
    let a: UnsafePointer<Double>
    let b: UnsafePointer<Double>
    let c: UnsafeMutablePointer<Double>
}
