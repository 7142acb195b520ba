/// Fitting on a `Dataset`.
extension KNearestNeighbors {
    /// Stores `dataset`'s samples and labels; probability columns are all of its classes, in class order.
    ///
    /// - Throws: as `fit(_:labels:metric:)`, naming classes by name.
    public func fit(_ dataset: Dataset, metric: MahalanobisMetric? = nil)
        throws(MetricLearnError) -> NeighborsClassifier {
        do {
            return try fit(dataset.features, labels: dataset.labels, classCount: dataset.classCount, metric: metric)
        } catch {
            throw dataset.namingClasses(in: error)
        }
    }
}
