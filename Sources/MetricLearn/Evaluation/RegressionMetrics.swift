/// Single-number regression scores from true and predicted targets, as scikit-learn computes them.
public enum RegressionMetrics {
    /// The coefficient of determination R² = 1 − Σ(tᵢ − ŷᵢ)² / Σ(tᵢ − t̄)² (scikit-learn's `r2_score`): 1 for a
    /// perfect prediction, 0 for predicting the mean, negative for worse. When the true targets are all equal it
    /// is 1 for a perfect prediction and 0 otherwise (scikit-learn's `force_finite`).
    ///
    /// - Throws: `emptyInput` for no targets, `labelCountMismatch` when the arrays differ in length.
    public static func r2(trueTargets: [Double], predictedTargets: [Double]) throws(MetricLearnError) -> Double {
        try check(trueTargets, predictedTargets)
        let residual = zip(trueTargets, predictedTargets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = totalSumOfSquares(trueTargets)
        guard total != 0 else { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// √(Σ(tᵢ − ŷᵢ)²/n), in the targets' units (scikit-learn's `root_mean_squared_error`).
    ///
    /// - Throws: as `r2(trueTargets:predictedTargets:)`.
    public static func rootMeanSquaredError(trueTargets: [Double], predictedTargets: [Double])
        throws(MetricLearnError) -> Double {
        try check(trueTargets, predictedTargets)
        let squares = zip(trueTargets, predictedTargets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (squares / Double(trueTargets.count)).squareRoot()
    }

    /// Σ|tᵢ − ŷᵢ|/n, in the targets' units (scikit-learn's `mean_absolute_error`).
    ///
    /// - Throws: as `r2(trueTargets:predictedTargets:)`.
    public static func meanAbsoluteError(trueTargets: [Double], predictedTargets: [Double])
        throws(MetricLearnError) -> Double {
        try check(trueTargets, predictedTargets)
        return zip(trueTargets, predictedTargets).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(trueTargets.count)
    }

    /// Σ(tᵢ − t̄)² of non-empty `targets`: R²'s denominator, MLKR's scale and the spread its targets need.
    static func totalSumOfSquares(_ targets: [Double]) -> Double {
        let mean = targets.reduce(0, +) / Double(targets.count)
        return targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }

    private static func check(_ trueTargets: [Double], _ predictedTargets: [Double]) throws(MetricLearnError) {
        guard !trueTargets.isEmpty else { throw .emptyInput(what: "no targets to compare") }
        guard predictedTargets.count == trueTargets.count else {
            throw .labelCountMismatch(sampleCount: trueTargets.count, labelCount: predictedTargets.count)
        }
    }
}
