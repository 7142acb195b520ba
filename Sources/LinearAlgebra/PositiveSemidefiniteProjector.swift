/// The nearest positive semidefinite matrix in the Frobenius norm, for loops that project many symmetric
/// matrices of one order: A = V·diag(λ)·Vᵀ becomes V·diag(max(λ, 0))·Vᵀ (Higham 1988), with the LAPACK
/// workspace kept between calls.
///
/// A positive definite matrix is its own projection; a Cholesky factorisation (≈ n³/3 flops) recognises it
/// before the eigendecomposition (`dsyevd`, ≈ 9n³) is paid. The projection is formed as BᵀB from the rows
/// √λⱼ·vⱼᵀ of the positive eigenvalues (`dsyrk`), so it is exactly symmetric. Package-internal: the workspace
/// plumbing of MetricLearn's MMC, not API.
package struct PositiveSemidefiniteProjector {
    /// The order n of the matrices.
    package let order: Int
    private var scratch: [Double]
    private var values: [Double]
    private var work: [Double]
    private var iwork: [Int32]

    /// A projector for n×n matrices.
    package init(order n: Int) {
        let sizes = LAPACK.symmetricEigenWorkspace(order: n)
        order = n
        scratch = [Double](repeating: 0, count: n * n)
        values = [Double](repeating: 0, count: n)
        work = [Double](repeating: 0, count: max(1, sizes.work))
        iwork = [Int32](repeating: 0, count: max(1, sizes.iwork))
    }

    /// Replaces the exactly symmetric row-major n×n matrix in `matrix` by its projection; returns false when the
    /// matrix was positive definite and is left as it was.
    ///
    /// - Precondition: `matrix` holds n·n elements.
    /// - Throws: `nonFiniteInput` for NaN/∞, `didNotConverge` if LAPACK fails.
    @discardableResult
    package mutating func project(_ matrix: inout [Double]) throws(LinearAlgebraError) -> Bool {
        let n = order
        precondition(matrix.count == n * n, "The matrix must be \(n)×\(n)")
        guard n > 0 else { return false }
        scratch.replaceContents(with: matrix)
        if scratch.withUnsafeMutableBufferPointer({ LAPACK.isPositiveDefinite(factoring: $0.baseAddress!, order: n) }) {
            return false
        }
        scratch.replaceContents(with: matrix)
        try scratch.withUnsafeMutableBufferPointer { (a: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            try values.withUnsafeMutableBufferPointer { (w: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                try work.withUnsafeMutableBufferPointer { (work: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                    try iwork.withUnsafeMutableBufferPointer { (iwork: inout UnsafeMutableBufferPointer<Int32>) throws(LinearAlgebraError) in
                        try LAPACK.symmetricEigen(a.baseAddress!, order: n, values: w.baseAddress!, work: work,
                                                  iwork: iwork)
                    }
                }
            }
        }
        // Rows of `scratch` are eigenvectors, eigenvalues ascending: the positive ones are the last rows.
        let firstPositive = values.firstIndex { $0 > 0 } ?? n
        for j in firstPositive..<n {
            let scale = values[j].squareRoot()
            for c in 0..<n { scratch[j * n + c] *= scale }
        }
        scratch.withUnsafeBufferPointer { rows in
            matrix.withUnsafeMutableBufferPointer { result in
                BLAS.syrk(transpose: true, n: n, k: n - firstPositive, alpha: 1, a: rows.baseAddress! + firstPositive * n,
                          lda: n, beta: 0, c: result.baseAddress!, ldc: n)
            }
        }
        return true
    }
}

extension Array where Element == Double {
    /// Copies `other` (of the same count) into this array's storage without reallocating it.
    fileprivate mutating func replaceContents(with other: [Double]) {
        let count = Swift.min(other.count, self.count)
        withUnsafeMutableBufferPointer { target in
            other.withUnsafeBufferPointer { source in
                guard let target = target.baseAddress, let source = source.baseAddress else { return }
                target.update(from: source, count: count)
            }
        }
    }
}
