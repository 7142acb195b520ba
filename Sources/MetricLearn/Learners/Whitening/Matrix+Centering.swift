extension Matrix {
    /// A copy with each row's class mean (over rows with the same label) subtracted.
    func centeredWithinClasses(labels: [Int]) -> Matrix {
        let means = classMeans(labels: labels)
        var result = self
        for (i, label) in labels.enumerated() {
            for j in 0..<columnCount { result[i, j] -= means[label, j] }
        }
        return result
    }

    /// The mean of the rows of each class: row c for label c (zeros for a label no row has).
    func classMeans(labels: [Int]) -> Matrix {
        let classCount = (labels.max() ?? -1) + 1
        var sums = Matrix(rowCount: classCount, columnCount: columnCount)
        var counts = [Double](repeating: 0, count: classCount)
        for (i, label) in labels.enumerated() {
            counts[label] += 1
            for j in 0..<columnCount { sums[label, j] += self[i, j] }
        }
        for c in 0..<classCount where counts[c] > 0 {
            for j in 0..<columnCount { sums[c, j] /= counts[c] }
        }
        return sums
    }

    /// The Ledoit–Wolf (2004) shrinkage coefficient for the covariance of these centred rows, with more features
    /// than rows: ‖XᵀX‖_F = ‖XXᵀ‖_F, so the scatter's norm comes from the n×n product (see
    /// `ledoitWolfShrinkage(scatter:fourthPowerSum:rowCount:)` for the formula).
    func ledoitWolfShrinkage() throws(MetricLearnError) -> Double {
        guard rowCount > 1 else { return 0 }
        let squaredNorms = rowSquaredNorms()
        return Self.ledoitWolfShrinkage(squaredScatterNorm: timesTransposed(self).elements.reduce(0) { $0 + $1 * $1 },
                                        scatterTrace: squaredNorms.reduce(0, +),
                                        fourthPowerSum: squaredNorms.reduce(0) { $0 + $1 * $1 },
                                        rowCount: rowCount, columnCount: columnCount)
    }

    /// The Ledoit–Wolf (2004) shrinkage coefficient for the covariance of n centred rows X, from their scatter XᵀX
    /// and Σᵢ‖xᵢ‖⁴ (`centeredGram(about:groups:)`).
    static func ledoitWolfShrinkage(scatter: Matrix, fourthPowerSum: Double, rowCount: Int) -> Double {
        guard rowCount > 1 else { return 0 }
        return ledoitWolfShrinkage(squaredScatterNorm: scatter.elements.reduce(0) { $0 + $1 * $1 },
                                   scatterTrace: scatter.trace, fourthPowerSum: fourthPowerSum, rowCount: rowCount,
                                   columnCount: scatter.columnCount)
    }

    /// With S = XᵀX/n, μ = tr(S)/d, δ = ‖S − μI‖²_F/d and β = min(δ, Σᵢ‖xᵢxᵢᵀ − S‖²_F/(n²d)), the coefficient is
    /// β/δ (0 when δ = 0), the formula of scikit-learn's `ledoit_wolf_shrinkage`; Σᵢ‖xᵢxᵢᵀ‖²_F = Σᵢ‖xᵢ‖⁴.
    private static func ledoitWolfShrinkage(squaredScatterNorm: Double, scatterTrace: Double, fourthPowerSum: Double,
                                            rowCount: Int, columnCount: Int) -> Double {
        let n = Double(rowCount), d = Double(columnCount)
        let deltaRaw = squaredScatterNorm / (n * n)                 // ‖S‖²_F
        let traceS = scatterTrace / n
        let mu = traceS / d
        let delta = (deltaRaw - 2 * mu * traceS + d * mu * mu) / d
        let beta = min((fourthPowerSum / n - deltaRaw) / (d * n), delta)
        return delta > 0 ? max(0, beta / delta) : 0
    }
}
