extension Matrix {
    /// Components L (r×d) of the diagonal metric M = diag(w²) in the span of these rows (centred), for more features
    /// than rows, where the d×d diag(w) would not fit in memory (100 000 features: 80 GB).
    ///
    /// With Vᵣ (r×d) an orthonormal basis of the centred rows' span (their thin SVD, rank r by NumPy's `matrix_rank`
    /// rule σ > max(n, d)·ε·σ_max, at least 1) and G = Vᵣ·diag(w²)·Vᵣᵀ (r×r), L = G^(1/2)·Vᵣ: for every difference u
    /// of points in the span, ‖L·u‖ = ‖diag(w)·u‖, so the distances between training samples (and points in their
    /// span) are the diagonal metric's exactly. A difference outside the span counts by its projection onto it,
    /// as whitening treats directions without variance. `featureWeights` keep w. O(n²·d) time, O(n·d) memory.
    func diagonalMetricComponentsInSpan(weights: [Double]) throws(MetricLearnError) -> Matrix {
        let (n, d) = (rowCount, columnCount)
        try MemoryBudget.require(doubles: 4 * Double(n) * Double(d) + 6 * Double(n) * Double(n),
                                 for: "the feature weights of \(d) features", remedies: [.fewerFeatures])
        do {
            let svd = try SingularValueDecomposition(subtractingFromEachRow(columnMeans()))
            let largest = svd.singularValues.first ?? 0
            let threshold = Double(Swift.max(n, d)) * Double.ulpOfOne * largest
            let rank = Swift.max(1, svd.singularValues.filter { $0 > threshold }.count)
            let basis = Matrix(rowCount: rank, columnCount: d, elements: Array(svd.vt.elements.prefix(rank * d)))
            var weighted = basis
            for i in 0..<rank {
                for j in 0..<d { weighted[i, j] *= weights[j] }
            }
            return try weighted.timesTransposed(weighted).symmetricSquareRoot() * basis
        } catch {
            throw .linearAlgebra(error)
        }
    }
}
