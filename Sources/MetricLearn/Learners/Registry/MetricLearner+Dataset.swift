/// Fitting on a `Dataset`: its features and labels, with its feature and class names in the result
/// and in errors.
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
