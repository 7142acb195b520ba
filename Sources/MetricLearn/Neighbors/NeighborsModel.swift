/// What a fitted k-nearest-neighbours model (`NeighborsClassifier`, `NeighborsRegressor`) holds and how it finds
/// neighbours: the training samples indexed in a metric's space (or the Euclidean one), and the configuration
/// whose `neighborCount` and `weighting` it predicts with.
public protocol NeighborsModel: Sendable {
    /// The configuration it was fitted with.
    var configuration: KNearestNeighbors { get }
    /// The metric whose space the neighbours are found in (`nil`: plain Euclidean distance).
    var metric: MahalanobisMetric? { get }
    /// The training samples, already mapped by `metric`.
    var index: NearestNeighborIndex { get }
    /// The HNSW graph over `index`'s points that proposes the neighbours, or nil for exact search.
    var approximateIndex: HNSWIndex? { get }

    /// This model, searching through `approximateIndex` (an index of its training samples in the metric's space,
    /// built here or loaded from a file) instead of its own search.
    ///
    /// - Throws: `invalidData` when the index holds another number of points or dimensions.
    func searching(with approximateIndex: HNSWIndex) throws(MetricLearnError) -> Self
}

extension NeighborsModel {
    /// The number of features a query must have.
    public var featureCount: Int { metric?.inputDimension ?? index.dimension }

    /// The `count` (default `neighborCount`) nearest training samples of each query row, nearest first,
    /// with their distances in the metric's space. With an `approximateIndex`, the neighbours are those its graph
    /// finds (usually the nearest), with exact distances.
    ///
    /// - Throws: `featureCountMismatch`, `nonFiniteValue`, or `invalidParameter` for a `count` outside
    ///   1...training samples.
    public func neighbors(of queries: Matrix, count: Int? = nil) throws(MetricLearnError) -> NeighborSearchResult {
        let count = count ?? configuration.neighborCount
        let mapped = try metric.map { metric throws(MetricLearnError) in try metric.transform(queries) } ?? queries
        guard approximateIndex != nil else { return try index.neighbors(of: mapped, count: count) }
        try Validation.require(count >= 1 && count <= index.count, "count", count,
                               "must be between 1 and the number of indexed points (\(index.count))")
        try Validation.checkTransformInput(mapped, expectedWidth: index.dimension)
        try HNSWIndex.checkSinglePrecision(mapped, name: "queries")
        return try index.search(mapped, count: count, approximate: approximateIndex)
    }

    /// The `neighborCount` nearest other training samples of every training sample (it is never its own
    /// neighbour), for leave-one-out scores; through `approximateIndex` when there is one.
    ///
    /// - Throws: `invalidParameter` when `neighborCount` is not below the number of training samples.
    func leaveOneOutNeighbors() throws(MetricLearnError) -> NeighborSearchResult {
        try index.neighborsOfIndexedPoints(count: configuration.neighborCount, approximate: approximateIndex)
    }

    /// Refuses a graph that does not index this model's training samples (`searching(with:)`).
    func checkIndexes(_ approximateIndex: HNSWIndex) throws(MetricLearnError) {
        try Validation.requireData(approximateIndex.count == index.count && approximateIndex.dimension == index.dimension,
                                   "index", "\(approximateIndex.count) points × \(approximateIndex.dimension)",
                                   "must index the \(index.count) training samples × \(index.dimension) of the model")
    }

    /// Why decoded parts do not make a model, with the key at fault (`configuration`, `metric`,
    /// `approximateIndex`), or nil: a `neighborCount` outside 1...samples, a metric whose output dimension is not
    /// the index's, or a graph over other points.
    static func inconsistency(of configuration: KNearestNeighbors, metric: MahalanobisMetric?,
                              index: NearestNeighborIndex, approximateIndex: HNSWIndex?)
        -> (key: String, reason: String)? {
        guard configuration.neighborCount >= 1 && configuration.neighborCount <= index.count else {
            return ("configuration", "neighborCount \(configuration.neighborCount) is not in 1...\(index.count)")
        }
        if let metric, metric.outputDimension != index.dimension {
            return ("metric", "the metric maps to \(metric.outputDimension) dimensions, the index has \(index.dimension)")
        }
        if let approximateIndex, approximateIndex.count != index.count || approximateIndex.dimension != index.dimension {
            return ("approximateIndex", "the graph indexes \(approximateIndex.count) points × "
                        + "\(approximateIndex.dimension), the index \(index.count) × \(index.dimension)")
        }
        return nil
    }
}

extension KNearestNeighbors.Weighting {
    /// The weight of each of one query's neighbours, given their distances nearest first (scikit-learn's
    /// `_get_weights`): 1 each for `.uniform`; for `.distance` 1/d, except that when some neighbours are at
    /// distance 0, those weigh 1 and the others 0.
    func weights(of distances: ArraySlice<Double>) -> LazyMapSequence<ArraySlice<Double>, Double> {
        let hasCoincident = self == .distance && distances.contains(0)
        return distances.lazy.map { distance in
            switch self {
            case .uniform: 1
            case .distance: hasCoincident ? (distance == 0 ? 1 : 0) : 1 / distance
            }
        }
    }
}
