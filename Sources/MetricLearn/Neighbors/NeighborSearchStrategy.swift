/// How a k-nearest-neighbours model finds neighbours among its training samples: every distance (exact) or
/// through an HNSW graph (approximate). `KNearestNeighbors` and `RetrievalMetrics` take one. See
/// <doc:ApproximateNeighbors>.
public enum NeighborSearchStrategy: Sendable, Hashable, Codable {
    /// Brute force through BLAS (`NearestNeighborIndex`): the true neighbours, time O(n·d) a query.
    case exact
    /// An `HNSWIndex` built with these parameters when the model is fitted: candidates from the graph, their
    /// distances recomputed exactly. Fitting costs the build; each query then costs about O(log n · efSearch · d).
    case hnsw(HNSWParameters)
    /// `.exact` below `automaticExactLimit` training samples, `.hnsw` with the default parameters from there on.
    case auto

    /// The training-set size from which `.auto` builds an HNSW graph: 100 000 samples. Below it exact search is
    /// fast enough (a few milliseconds per query at 50 dimensions) that a graph's build time rarely pays off; above
    /// it exact search grows linearly while a graph's query time hardly grows (Docs/Performance.md).
    public static let automaticExactLimit = 100_000

    /// The parameters of the graph this strategy builds over `count` samples, or nil for exact search.
    public func graphParameters(forSampleCount count: Int) -> HNSWParameters? {
        switch self {
        case .exact: nil
        case let .hnsw(parameters): parameters
        case .auto: count < Self.automaticExactLimit ? nil : HNSWParameters()
        }
    }

    /// The graph this strategy builds over `points` (already checked), or nil for exact search.
    func approximateIndex(over points: Matrix) throws(MetricLearnError) -> HNSWIndex? {
        guard let parameters = graphParameters(forSampleCount: points.rowCount) else { return nil }
        return try HNSWIndex(points: points, parameters: parameters)
    }
}
