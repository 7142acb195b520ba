extension Matrix {
    /// A copy with each row's class mean (over rows with the same label) subtracted.
    func centeredWithinClasses(labels: [Int]) -> Matrix {
        let classCount = (labels.max() ?? -1) + 1
        var sums = Matrix(rowCount: classCount, columnCount: columnCount)
        var counts = [Double](repeating: 0, count: classCount)
        for (i, label) in labels.enumerated() {
            counts[label] += 1
            for j in 0..<columnCount { sums[label, j] += self[i, j] }
        }
        var result = self
        for (i, label) in labels.enumerated() {
            for j in 0..<columnCount { result[i, j] -= sums[label, j] / counts[label] }
        }
        return result
    }

    /// The Ledoit–Wolf (2004) shrinkage coefficient for the covariance of these centred rows.
    ///
    /// With S = XᵀX/n, μ = tr(S)/d, δ = ‖S − μI‖²_F/d and β = min(δ, Σᵢ‖xᵢxᵢᵀ − S‖²_F/(n²d)),
    /// the coefficient is β/δ (0 when δ = 0), the formula of scikit-learn's `ledoit_wolf_shrinkage`.
    ///
    /// With more features than rows, ‖XᵀX‖_F = ‖XXᵀ‖_F and the sum of (X∘X)ᵀ(X∘X) is Σᵢ‖xᵢ‖⁴, so both come from
    /// n×n products and n norms instead of two d×d matrices.
    func ledoitWolfShrinkage() throws(MetricLearnError) -> Double {
        let n = Double(rowCount), d = Double(columnCount)
        guard rowCount > 1 else { return 0 }
        let squared = Matrix(rowCount: rowCount, columnCount: columnCount, elements: elements.map { $0 * $0 })
        let variances = squared.columnMeans()                      // diagonal of S
        let mu = variances.reduce(0, +) / d
        let deltaRaw: Double, betaRaw: Double
        if columnCount > rowCount {
            deltaRaw = timesTransposed(self).elements.reduce(0) { $0 + $1 * $1 } / (n * n)   // ‖S‖²_F
            betaRaw = rowSquaredNorms().reduce(0) { $0 + $1 * $1 }                            // Σᵢ ‖xᵢ‖⁴
        } else {
            try MemoryBudget.require(doubles: 3 * d * d, for: "the Ledoit–Wolf shrinkage of \(columnCount) features",
                                     remedies: [.fewerFeatures])
            let gram = transposedTimesSelf()                            // n·S
            deltaRaw = gram.elements.reduce(0) { $0 + $1 * $1 } / (n * n)    // ‖S‖²_F
            betaRaw = squared.transposedTimesSelf().elements.reduce(0, +)     // Σᵢ ‖xᵢ‖⁴ summed per pair
        }
        var beta = (betaRaw / n - deltaRaw) / (d * n)
        let delta = (deltaRaw - 2 * mu * variances.reduce(0, +) + d * mu * mu) / d
        beta = min(beta, delta)
        return delta > 0 ? max(0, beta / delta) : 0
    }
}
