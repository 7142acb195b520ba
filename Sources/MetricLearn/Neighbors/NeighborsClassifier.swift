/// A fitted k-nearest-neighbours classifier: the training samples (in the metric's space when a metric was
/// given), their labels, and the configuration that votes with them. Made by `KNearestNeighbors.fit`.
///
/// Queries are given in the original feature space; the classifier maps them with `metric` itself.
public struct NeighborsClassifier: NeighborsModel, Hashable {
    /// The configuration it was fitted with.
    public let configuration: KNearestNeighbors
    /// The metric whose space the neighbours are found in (`nil`: plain Euclidean distance).
    public let metric: MahalanobisMetric?
    /// The training samples, already mapped by `metric`.
    public let index: NearestNeighborIndex
    /// The HNSW graph over `index`'s points that proposes the neighbours, or nil for exact search (see
    /// `KNearestNeighbors.search` and `searching(with:)`).
    public let approximateIndex: HNSWIndex?
    /// The class label of each training sample, in `0..<classCount`.
    public let labels: [Int]
    /// The number of classes; probability columns are classes `0..<classCount`.
    public let classCount: Int

    /// A classifier from parts already known to be consistent.
    init(configuration: KNearestNeighbors, metric: MahalanobisMetric?, index: NearestNeighborIndex,
         approximateIndex: HNSWIndex?, labels: [Int], classCount: Int) {
        self.configuration = configuration
        self.metric = metric
        self.index = index
        self.approximateIndex = approximateIndex
        self.labels = labels
        self.classCount = classCount
    }

    /// This classifier, searching through `approximateIndex` (see `NeighborsModel.searching(with:)`).
    public func searching(with approximateIndex: HNSWIndex) throws(MetricLearnError) -> NeighborsClassifier {
        try checkIndexes(approximateIndex)
        return NeighborsClassifier(configuration: configuration, metric: metric, index: index,
                                   approximateIndex: approximateIndex, labels: labels, classCount: classCount)
    }

    /// The predicted class of each query row: the class with the largest (weighted) vote, the smallest class
    /// index among equal votes.
    public func predict(_ queries: Matrix) throws(MetricLearnError) -> [Int] {
        predictions(from: try neighbors(of: queries))
    }

    /// The class probabilities of each query row (queries × `classCount`): each class's share of the
    /// (weighted) vote.
    public func predictProbabilities(_ queries: Matrix) throws(MetricLearnError) -> Matrix {
        var votes = votes(for: try neighbors(of: queries))
        for i in 0..<votes.rowCount {
            let total = (0..<classCount).reduce(0) { $0 + votes[i, $1] }
            let normalizer = total == 0 ? 1 : total
            for c in 0..<classCount { votes[i, c] /= normalizer }
        }
        return votes
    }

    /// The fraction of query rows whose predicted class equals `labels`.
    ///
    /// - Throws: `labelCountMismatch` when there is not one label per row, besides `predict`'s errors.
    public func accuracy(on queries: Matrix, labels: [Int]) throws(MetricLearnError) -> Double {
        guard labels.count == queries.rowCount else {
            throw .labelCountMismatch(sampleCount: queries.rowCount, labelCount: labels.count)
        }
        return try ClassificationMetrics.accuracy(trueLabels: labels, predictedLabels: try predict(queries))
    }

    /// The accuracy on the training set when each sample is classified by its `neighborCount` nearest
    /// *other* training samples (it never votes for itself), found through `approximateIndex` when there is one.
    ///
    /// - Throws: `invalidParameter` when `neighborCount` is not below the number of training samples.
    public func leaveOneOutAccuracy() throws(MetricLearnError) -> Double {
        try ClassificationMetrics.accuracy(trueLabels: labels, predictedLabels: predictions(from: try leaveOneOutNeighbors()))
    }
}
