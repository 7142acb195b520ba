/// How well an `HNSWIndex` finds the true nearest neighbours, and how fast, against exact search on the same
/// queries: the result of `HNSWIndex.recall(points:queries:neighborCount:efSearch:)`.
public struct HNSWRecall: Sendable, Hashable, Codable {
    /// Recall@k: the fraction of the true k nearest neighbours the index returned, averaged over the queries. A
    /// returned neighbour counts when it is no farther than the true k-th (so ties at the k-th place count).
    public let recall: Double
    /// k, the number of neighbours asked for.
    public let neighborCount: Int
    /// The number of queries.
    public let queryCount: Int
    /// The candidate list the index searched with.
    public let efSearch: Int
    /// Wall-clock seconds of the index's search of all the queries.
    public let seconds: Double
    /// Wall-clock seconds of the exact search (`NearestNeighborIndex`) of the same queries.
    public let exactSeconds: Double

    /// Queries per second through the index.
    public var queriesPerSecond: Double { Double(queryCount) / seconds }
    /// Queries per second of exact search.
    public var exactQueriesPerSecond: Double { Double(queryCount) / exactSeconds }
}
