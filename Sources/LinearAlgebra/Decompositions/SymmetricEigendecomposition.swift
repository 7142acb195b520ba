/// The eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix (LAPACK `dsyevd`).
///
/// Only the upper triangle of the input is read. Eigenvalues are in ascending order and the
/// columns of `eigenvectors` are the matching orthonormal eigenvectors.
public struct SymmetricEigendecomposition: Sendable, Hashable {
    /// Eigenvalues, ascending.
    public let eigenvalues: [Double]
    /// Orthonormal eigenvectors as columns, in the order of `eigenvalues`.
    public let eigenvectors: Matrix

    /// Decomposes a symmetric matrix.
    ///
    /// - Precondition: `matrix` is square.
    /// - Throws: `LinearAlgebraError.nonFiniteInput` for NaN/∞, `.didNotConverge` if LAPACK fails.
    public init(_ matrix: Matrix) throws(LinearAlgebraError) {
        precondition(matrix.isSquare, "An eigendecomposition needs a square matrix")
        var vectors = matrix.elements
        eigenvalues = try LAPACK.symmetricEigen(&vectors, order: matrix.rowCount)
        eigenvectors = Matrix(rowCount: matrix.rowCount, columnCount: matrix.columnCount, elements: vectors)
    }

    /// The default relative threshold below which an eigenvalue counts as zero: n·ε, as SciPy's `pinvh`.
    public static func defaultRelativeTolerance(order: Int) -> Double {
        Double(max(order, 1)) * Double.ulpOfOne
    }

    /// The absolute cut-off `relativeTolerance · max(λ_max, 0)`: eigenvalues at or below it count as zero.
    public func cutoff(relativeTolerance: Double) -> Double {
        relativeTolerance * max(eigenvalues.last ?? 0, 0)
    }

    /// The number of eigenvalues above `cutoff(relativeTolerance:)`.
    public func rank(relativeTolerance: Double? = nil) -> Int {
        let threshold = cutoff(relativeTolerance: relativeTolerance
                               ?? Self.defaultRelativeTolerance(order: eigenvalues.count))
        return eigenvalues.filter { $0 > threshold }.count
    }

    /// V·diag(f(λ))·Vᵀ, with f applied to eigenvalues above the cut-off and 0 used for the others.
    ///
    /// This is how pseudo-inverses and inverse square roots of PSD matrices are formed: eigenvalues
    /// that are zero up to round-off (including tiny negative ones) are dropped, not inverted.
    public func reconstructed(relativeTolerance: Double? = nil, applying function: (Double) -> Double) -> Matrix {
        let n = eigenvalues.count
        let threshold = cutoff(relativeTolerance: relativeTolerance ?? Self.defaultRelativeTolerance(order: n))
        // Scale column j of V by f(λⱼ), then multiply by Vᵀ.
        var scaled = eigenvectors
        for j in 0..<n {
            let factor = eigenvalues[j] > threshold ? function(eigenvalues[j]) : 0
            for i in 0..<n { scaled.elements[i * n + j] *= factor }
        }
        return scaled.timesTransposed(eigenvectors).symmetrized()
    }
}

extension Matrix {
    /// The Moore–Penrose pseudo-inverse of a symmetric positive semidefinite matrix.
    ///
    /// Eigenvalues at or below `relativeTolerance · λ_max` (default n·ε) are treated as zero.
    public func symmetricPseudoInverse(relativeTolerance: Double? = nil) throws(LinearAlgebraError) -> Matrix {
        try SymmetricEigendecomposition(self).reconstructed(relativeTolerance: relativeTolerance) { 1 / $0 }
    }

    /// The (pseudo-)inverse square root A^(−1/2) of a symmetric positive semidefinite matrix.
    ///
    /// Eigenvalues at or below `relativeTolerance · λ_max` (default n·ε) are treated as zero, so the
    /// result is finite and PSD even for a singular A.
    public func symmetricInverseSquareRoot(relativeTolerance: Double? = nil) throws(LinearAlgebraError) -> Matrix {
        try SymmetricEigendecomposition(self).reconstructed(relativeTolerance: relativeTolerance) { 1 / $0.squareRoot() }
    }

    /// The square root A^(1/2) of a symmetric positive semidefinite matrix (negative round-off eigenvalues become 0).
    public func symmetricSquareRoot() throws(LinearAlgebraError) -> Matrix {
        try SymmetricEigendecomposition(self).reconstructed(relativeTolerance: 0) { $0.squareRoot() }
    }
}
