extension Matrix {
    /// A factor L with LᵀL = this symmetric positive semidefinite matrix M.
    ///
    /// L is the transposed Cholesky factor (upper triangular, d×d). When Cholesky fails because round-off
    /// left M barely indefinite, L = diag(√λ₊)·Vᵀ from the eigendecomposition M = V·diag(λ)·Vᵀ, with
    /// negative eigenvalues set to 0 (metric-learn's `components_from_metric`).
    func metricComponents() throws(MetricLearnError) -> Matrix {
        if let factor = try? Cholesky(self) { return factor.lower.transposed() }
        let decomposition: SymmetricEigendecomposition
        do { decomposition = try SymmetricEigendecomposition(self) } catch { throw .linearAlgebra(error) }
        let d = rowCount
        var components = Matrix(rowCount: d, columnCount: d)
        for (row, index) in decomposition.eigenvalues.indices.reversed().enumerated() {
            let scale = max(decomposition.eigenvalues[index], 0).squareRoot()
            for j in 0..<d { components[row, j] = scale * decomposition.eigenvectors[j, index] }
        }
        return components
    }
}
