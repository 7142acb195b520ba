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
    func ledoitWolfShrinkage() -> Double {
        let n = Double(rowCount), d = Double(columnCount)
        guard rowCount > 1 else { return 0 }
        let squared = Matrix(rowCount: rowCount, columnCount: columnCount, elements: elements.map { $0 * $0 })
        let variances = squared.columnMeans()                      // diagonal of S
        let mu = variances.reduce(0, +) / d
        let gram = transposedTimesSelf()                            // n·S
        let deltaRaw = gram.elements.reduce(0) { $0 + $1 * $1 } / (n * n)   // ‖S‖²_F
        let betaRaw = squared.transposedTimesSelf().elements.reduce(0, +)    // Σᵢ ‖xᵢ‖⁴ summed per pair
        var beta = (betaRaw / n - deltaRaw) / (d * n)
        let delta = (deltaRaw - 2 * mu * variances.reduce(0, +) + d * mu * mu) / d
        beta = min(beta, delta)
        return delta > 0 ? max(0, beta / delta) : 0
    }
}
