/// Folding a standardization into a metric, so that a metric learned on standardized features applies
/// to the original ones.
extension MahalanobisMetric {
    /// The metric on raw features equal to this metric applied after `standardization`.
    ///
    /// With z = S⁻¹(x − μ), S = diag(scales), this metric's distance ‖L(z − z′)‖ equals ‖L·S⁻¹(x − x′)‖:
    /// the mean cancels in every difference, so the result's components are L·S⁻¹ (column j of L divided by
    /// scale j; a constant training column has scale 1, see `Standardization.scales`) and it needs no
    /// record of the standardization. Distances and neighbours are those of "standardize, then this
    /// metric"; `transform` differs from that composition by the constant row L·S⁻¹·μ, which it no
    /// longer subtracts. Only the steps the scaler performs are folded (`StandardScaler` options).
    ///
    /// Feature names and `featureWeights` are kept: the weights stay those of the standardized features,
    /// which compare how much each feature matters independently of its units. The report gains
    /// `details["standardized"] = 1`.
    ///
    /// - Throws: `featureCountMismatch` when `standardization` was fitted on another number of features;
    ///   `invalidData` (features) if a scale is so small that the components overflow.
    /// - Complexity: O(k·d).
    public func composed(with standardization: Standardization) throws(MetricLearnError) -> MahalanobisMetric {
        guard standardization.featureCount == inputDimension else {
            throw .featureCountMismatch(expected: inputDimension, actual: standardization.featureCount)
        }
        var folded = components
        if standardization.scaler.dividesByStandardDeviation {
            let (k, d) = (folded.rowCount, folded.columnCount)
            for i in 0..<k {
                for j in 0..<d { folded[i, j] /= standardization.scales[j] }
            }
        }
        guard folded.isFinite else {
            throw .invalidData(what: "features", value: "standard deviations down to "
                                   + "\(standardization.scales.min() ?? 0)",
                               requirement: "dividing the metric by them overflows Double; leave out the features that "
                                   + "barely vary")
        }
        var report = report
        report.details["standardized"] = 1
        return MahalanobisMetric(components: folded, featureNames: featureNames, featureWeights: featureWeights,
                                 report: report)
    }

    /// The metric on standardized features equal to this metric on raw features: the inverse of
    /// `composed(with:)`, whose components are L·S (column j of L times scale j), so that ‖L·S(z − z′)‖ =
    /// ‖L(x − x′)‖. A warm start on standardized features starts from it.
    ///
    /// - Throws: `featureCountMismatch` when `standardization` was fitted on another number of features.
    /// - Complexity: O(k·d).
    public func onStandardizedFeatures(_ standardization: Standardization) throws(MetricLearnError)
        -> MahalanobisMetric {
        guard standardization.featureCount == inputDimension else {
            throw .featureCountMismatch(expected: inputDimension, actual: standardization.featureCount)
        }
        var unfolded = components
        if standardization.scaler.dividesByStandardDeviation {
            for i in 0..<unfolded.rowCount {
                for j in 0..<unfolded.columnCount { unfolded[i, j] *= standardization.scales[j] }
            }
        }
        return MahalanobisMetric(components: unfolded, featureNames: featureNames, featureWeights: featureWeights,
                                 report: report)
    }
}
