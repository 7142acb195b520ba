/// The nearest positive semidefinite matrix in the Frobenius norm under one linear bound, for loops that project
/// many symmetric matrices of one order: for symmetric A, a fixed symmetric positive semidefinite W ≠ 0 and t > 0,
///
///   X* = argmin ‖X − A‖_F  subject to  X ⪰ 0 and ⟨W, X⟩ ≤ t.
///
/// By the KKT conditions X* = Π(A − μ·W), Π the projection onto the positive semidefinite cone (clipping
/// negative eigenvalues, Higham 1988), with μ = 0 when Π(A) meets the bound and otherwise the root of the
/// decreasing function φ(μ) = ⟨W, Π(A − μ·W)⟩ − t. The root is found by Newton's method, kept inside a bracket
/// that bisection takes over whenever a step leaves it. φ′ comes from the same eigendecomposition
/// A − μW = V·diag(λ)·Vᵀ: φ′(μ) = −Σᵢⱼ (VᵀWV)ᵢⱼ²·δᵢⱼ, δᵢⱼ the divided difference of max(·, 0) at λᵢ, λⱼ
/// (Daleckii–Krein). Newton converges quadratically near the root: a handful of eigendecompositions per
/// projection, where alternating projections onto the half-space and the cone take tens to thousands.
///
/// Each evaluation first tries a Cholesky factorisation (≈ n³/3 flops): a positive definite A − μW is its own
/// projection. Otherwise `dsyevd` (≈ 9n³) and two products for VᵀWV. The result is formed as BᵀB from the rows
/// √λⱼ·vⱼᵀ of the positive eigenvalues (`dsyrk`), so it is exactly symmetric. Workspace is allocated once.
/// Package-internal: the projection step of MetricLearn's MMC, not API.
package struct PositiveSemidefiniteProjector {
    /// The outcome of one projection.
    package struct Projection: Equatable, Sendable {
        /// The positive semidefinite projections evaluated (each a Cholesky test and, unless the matrix was
        /// positive definite, an eigendecomposition).
        package var evaluations: Int
        /// Whether the result meets the bound to within `acceptance` relative to t.
        package var isWithinBound: Bool
    }

    /// The order n of the matrices.
    package let order: Int
    /// W scaled to unit Frobenius norm, row-major.
    private let weights: [Double]
    /// t scaled as W.
    private let bound: Double
    /// The multiplier μ of the last projection, where the next one starts.
    private var lastMultiplier = 0.0
    private var shifted: [Double]
    private var vectors: [Double]
    private var values: [Double]
    private var product: [Double]
    private var rotated: [Double]
    private var work: [Double]
    private var iwork: [Int32]

    /// A projector for n×n matrices under ⟨`weights`, X⟩ ≤ `bound`.
    ///
    /// - Precondition: `weights` is n×n, symmetric positive semidefinite, finite and not zero, and
    ///   bound / ‖weights‖_F is positive and finite (the caller checks the data they come from).
    package init(weights: Matrix, bound: Double) {
        let (n, norm) = (weights.rowCount, weights.frobeniusNorm)
        precondition(weights.isSquare && norm > 0 && norm.isFinite && bound / norm > 0 && (bound / norm).isFinite,
                     "Bad bound on the projection")
        let sizes = LAPACK.symmetricEigenWorkspace(order: n)
        order = n
        self.weights = weights.elements.map { $0 / norm }
        self.bound = bound / norm
        shifted = [Double](repeating: 0, count: n * n)
        vectors = shifted
        product = shifted
        rotated = shifted
        values = [Double](repeating: 0, count: n)
        work = [Double](repeating: 0, count: max(1, sizes.work))
        iwork = [Int32](repeating: 0, count: max(1, sizes.iwork))
    }

    /// Replaces the exactly symmetric row-major n×n matrix in `matrix` by X*, evaluating at most
    /// `maxEvaluations` projections and stopping once ⟨W, X⟩ is within `tolerance`·t of t (or below t with the
    /// bound inactive); the result is the last one evaluated, within `acceptance`·t of the bound when
    /// `isWithinBound`.
    ///
    /// - Precondition: `matrix` holds n·n elements; `maxEvaluations` ≥ 1.
    /// - Throws: `nonFiniteInput` for NaN/∞, `didNotConverge` if LAPACK fails.
    package mutating func project(_ matrix: inout [Double], maxEvaluations: Int, tolerance: Double,
                                  acceptance: Double) throws(LinearAlgebraError) -> Projection {
        let n = order
        precondition(matrix.count == n * n && maxEvaluations >= 1, "Bad projection request")
        // Start from the previous projection's multiplier: in a loop of nearby matrices it is nearly the root.
        var multiplier = lastMultiplier
        var evaluation = try evaluate(matrix, multiplier: multiplier)
        var evaluations = 1
        // φ > 0 at `low`, φ ≤ 0 at `high`; μ = 0 is assumed on the left until it is evaluated.
        var (low, high) = (0.0, Double.infinity)
        var isZeroEvaluated = multiplier == 0
        // Solved: within the bound, and on it unless the bound is inactive (μ = 0).
        func isSolved(_ excess: Double) -> Bool {
            excess <= tolerance * bound && (multiplier == 0 || excess >= -tolerance * bound)
        }
        while !isSolved(evaluation.excess) && evaluations < maxEvaluations {
            if evaluation.excess > 0 { low = multiplier } else { high = multiplier }
            let newton = evaluation.slope < 0 ? multiplier - evaluation.excess / evaluation.slope : .infinity
            if newton > low && newton < high {
                multiplier = newton
            } else if newton <= 0 && !isZeroEvaluated {
                multiplier = 0
            } else if high.isFinite {
                multiplier = low + (high - low) / 2
            } else {
                multiplier = 2 * low + evaluation.excess
            }
            guard (multiplier == 0 && !isZeroEvaluated) || (multiplier > low && multiplier < high) else { break }
            isZeroEvaluated = isZeroEvaluated || multiplier == 0
            evaluation = try evaluate(matrix, multiplier: multiplier)
            evaluations += 1
        }
        lastMultiplier = multiplier
        formProjection(into: &matrix, isPositiveDefinite: evaluation.isPositiveDefinite)
        return Projection(evaluations: evaluations, isWithinBound: evaluation.excess <= acceptance * bound)
    }

    /// φ(μ) and φ′(μ) for A − μW, leaving its eigendecomposition (or, when it is positive definite, the matrix
    /// itself) in `vectors`/`values`/`shifted` for `formProjection`.
    private mutating func evaluate(_ matrix: [Double], multiplier: Double)
        throws(LinearAlgebraError) -> (excess: Double, slope: Double, isPositiveDefinite: Bool) {
        let n = order
        for index in 0..<(n * n) { shifted[index] = matrix[index] - multiplier * weights[index] }
        vectors.withUnsafeMutableBufferPointer { target in
            shifted.withUnsafeBufferPointer { source in target.baseAddress!.update(from: source.baseAddress!, count: n * n) }
        }
        if vectors.withUnsafeMutableBufferPointer({ LAPACK.isPositiveDefinite(factoring: $0.baseAddress!, order: n) }) {
            return (Self.dot(weights, shifted) - bound, -1, true)
        }
        vectors.withUnsafeMutableBufferPointer { target in
            shifted.withUnsafeBufferPointer { source in target.baseAddress!.update(from: source.baseAddress!, count: n * n) }
        }
        try vectors.withUnsafeMutableBufferPointer { (a: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            try values.withUnsafeMutableBufferPointer { (w: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                try work.withUnsafeMutableBufferPointer { (work: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                    try iwork.withUnsafeMutableBufferPointer { (iwork: inout UnsafeMutableBufferPointer<Int32>) throws(LinearAlgebraError) in
                        try LAPACK.symmetricEigen(a.baseAddress!, order: n, values: w.baseAddress!, work: work,
                                                  iwork: iwork)
                    }
                }
            }
        }
        // Rows of `vectors` are eigenvectors vᵢ; rotated = V·W·Vᵀ holds vᵢᵀWvⱼ.
        vectors.withUnsafeBufferPointer { v in
            weights.withUnsafeBufferPointer { w in
                product.withUnsafeMutableBufferPointer { p in
                    BLAS.gemm(transposeA: false, transposeB: false, m: n, n: n, k: n, alpha: 1, a: v.baseAddress!,
                              lda: n, b: w.baseAddress!, ldb: n, beta: 0, c: p.baseAddress!, ldc: n)
                }
            }
        }
        product.withUnsafeBufferPointer { p in
            vectors.withUnsafeBufferPointer { v in
                rotated.withUnsafeMutableBufferPointer { r in
                    BLAS.gemm(transposeA: false, transposeB: true, m: n, n: n, k: n, alpha: 1, a: p.baseAddress!,
                              lda: n, b: v.baseAddress!, ldb: n, beta: 0, c: r.baseAddress!, ldc: n)
                }
            }
        }
        var inner = 0.0, slope = 0.0
        for i in 0..<n {
            let li = values[i]
            if li > 0 { inner += li * rotated[i * n + i] }
            for j in 0..<n {
                let lj = values[j]
                let difference: Double
                if li > 0 && lj > 0 {
                    difference = 1
                } else if li <= 0 && lj <= 0 {
                    difference = 0
                } else {
                    difference = (max(li, 0) - max(lj, 0)) / (li - lj)
                }
                slope -= rotated[i * n + j] * rotated[i * n + j] * difference
            }
        }
        return (inner - bound, slope, false)
    }

    /// Writes the projection of the last evaluated A − μW to `matrix` (scaling the eigenvectors in place).
    private mutating func formProjection(into matrix: inout [Double], isPositiveDefinite: Bool) {
        let n = order
        if isPositiveDefinite {
            matrix.withUnsafeMutableBufferPointer { target in
                shifted.withUnsafeBufferPointer { source in target.baseAddress!.update(from: source.baseAddress!, count: n * n) }
            }
            return
        }
        // Eigenvalues ascend: the positive ones belong to the last rows.
        let firstPositive = values.firstIndex { $0 > 0 } ?? n
        for j in firstPositive..<n {
            let scale = values[j].squareRoot()
            for c in 0..<n { vectors[j * n + c] *= scale }
        }
        vectors.withUnsafeBufferPointer { rows in
            matrix.withUnsafeMutableBufferPointer { result in
                BLAS.syrk(transpose: true, n: n, k: n - firstPositive, alpha: 1,
                          a: rows.baseAddress! + firstPositive * n, lda: n, beta: 0, c: result.baseAddress!, ldc: n)
            }
        }
    }

    /// Σ aᵢbᵢ in index order.
    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }
}
