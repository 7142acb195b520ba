/// Fitting on a `Dataset` (its features and labels, with its feature and class names in the result and in
/// errors) or a `RegressionDataset` (its features and targets).
extension MetricLearner {
    /// Learns a metric from `dataset`; the metric carries the dataset's feature names.
    ///
    /// Errors that name a class (`singleClass`, `classTooSmall`) give its name, not its index.
    public func fit(_ dataset: Dataset, progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        do {
            return try fit(dataset.features, labels: dataset.labels, progress: progress)
                .withFeatureNames(dataset.featureNames)
        } catch {
            throw dataset.namingClasses(in: error)
        }
    }
}

extension MetricLearner {
    /// Learns a metric from `dataset`'s features and regression targets; the metric carries its feature names.
    public func fit(_ dataset: RegressionDataset, progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        try fit(dataset.features, targets: dataset.targets, progress: progress).withFeatureNames(dataset.featureNames)
    }
}
