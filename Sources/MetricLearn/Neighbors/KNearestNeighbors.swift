/// The k-nearest-neighbours configuration: how many neighbours vote (classification) or are averaged (regression),
/// and how their votes count.
///
/// ```swift
/// let metric = try Whitening().fit(x, labels: y)
/// let classifier = try KNearestNeighbors(neighborCount: 3).fit(x, labels: y, metric: metric)
/// let predicted = try classifier.predict(queries)
/// ```
///
/// `fit(_:labels:metric:)` gives a `NeighborsClassifier`, `fit(_:targets:metric:)` a `NeighborsRegressor`.
/// Parameters are stored as given and validated in `fit`. Predictions match scikit-learn's
/// `KNeighborsClassifier` / `KNeighborsRegressor(algorithm="brute")` rule for rule: see `Weighting` and
/// <doc:Algorithm-NearestNeighbors>.
public struct KNearestNeighbors: Sendable, Hashable {
    /// How the k neighbours' votes are weighted.
    public enum Weighting: String, Sendable, Hashable, Codable, CaseIterable {
        /// Each neighbour has one vote.
        case uniform
        /// A neighbour at distance d has weight 1/d; if a query coincides with some training points (d = 0),
        /// only those vote, with weight 1 each (scikit-learn's `weights="distance"`).
        case distance
    }

    /// The number of neighbours k that vote (default 5, as scikit-learn).
    public var neighborCount: Int
    /// How votes are weighted (default `.uniform`).
    public var weighting: Weighting
    /// How the neighbours are found (default `.exact`; `.hnsw` builds a graph when fitting, see
    /// <doc:ApproximateNeighbors>).
    public var search: NeighborSearchStrategy

    /// Creates a configuration.
    public init(neighborCount: Int = 5, weighting: Weighting = .uniform, search: NeighborSearchStrategy = .exact) {
        self.neighborCount = neighborCount
        self.weighting = weighting
        self.search = search
    }

    /// Stores the training samples (mapped by `metric` when one is given) with their class labels, and builds the
    /// HNSW graph over them that `search` asks for.
    ///
    /// Classes are `0...labels.max()`; a class index without samples is allowed and is never predicted.
    /// - Throws: `invalidParameter` when `neighborCount` is not in 1...samples; `emptyInput`,
    ///   `nonFiniteValue`, `labelCountMismatch`, `singleClass` for bad data; `featureCountMismatch` when the
    ///   metric was learned on another number of features.
    public func fit(_ x: Matrix, labels: [Int], metric: MahalanobisMetric? = nil)
        throws(MetricLearnError) -> NeighborsClassifier {
        try fit(x, labels: labels, classCount: nil, metric: metric)
    }

    /// `fit` with an explicit class count (at least `labels.max() + 1`), as a dataset knows it.
    func fit(_ x: Matrix, labels: [Int], classCount: Int?, metric: MahalanobisMetric?)
        throws(MetricLearnError) -> NeighborsClassifier {
        try Validation.require(neighborCount >= 1, "neighborCount", neighborCount, "must be at least 1")
        let counts = try Validation.checkLabeled(x, labels: labels)
        let (index, approximateIndex) = try indexes(of: x, metric: metric)
        return NeighborsClassifier(configuration: self, metric: metric, index: index, approximateIndex: approximateIndex,
                                   labels: labels, classCount: max(classCount ?? 0, counts.count))
    }

    /// Stores the training samples (mapped by `metric` when one is given) with their regression targets, and builds
    /// the HNSW graph over them that `search` asks for.
    ///
    /// - Throws: `invalidParameter` when `neighborCount` is not in 1...samples; `emptyInput`,
    ///   `nonFiniteValue`, `labelCountMismatch`, `invalidData` (a non-finite target, or one beyond 1e150 in magnitude) for bad data;
    ///   `featureCountMismatch` when the metric was learned on another number of features.
    public func fit(_ x: Matrix, targets: [Double], metric: MahalanobisMetric? = nil)
        throws(MetricLearnError) -> NeighborsRegressor {
        try Validation.require(neighborCount >= 1, "neighborCount", neighborCount, "must be at least 1")
        try Validation.checkTargeted(x, targets: targets, requiringSpread: false)
        let (index, approximateIndex) = try indexes(of: x, metric: metric)
        return NeighborsRegressor(configuration: self, metric: metric, index: index, approximateIndex: approximateIndex,
                                  targets: targets)
    }

    /// Stores `dataset`'s samples and targets (see `fit(_:targets:metric:)`).
    public func fit(_ dataset: RegressionDataset, metric: MahalanobisMetric? = nil)
        throws(MetricLearnError) -> NeighborsRegressor {
        try fit(dataset.features, targets: dataset.targets, metric: metric)
    }

    /// The index of the validated training samples `x` in `metric`'s space, which must hold `neighborCount`, and
    /// the HNSW graph over it that `search` asks for.
    private func indexes(of x: Matrix, metric: MahalanobisMetric?)
        throws(MetricLearnError) -> (NearestNeighborIndex, HNSWIndex?) {
        try Validation.require(neighborCount <= x.rowCount, "neighborCount", neighborCount,
                               "must be at most the number of training samples (\(x.rowCount))")
        let space = try metric.map { metric throws(MetricLearnError) in try metric.transform(x) } ?? x
        return (try NearestNeighborIndex(points: space), try search.approximateIndex(over: space))
    }
}
