/// The k nearest indexed points of each query, nearest first (at equal distance the lower index first).
public struct NeighborSearchResult: Sendable, Hashable, Codable {
    /// The number of queries.
    public let queryCount: Int
    /// The number of neighbours found for each query (k).
    public let neighborCount: Int
    /// Indices of the neighbours in the index, row-major (`queryCount × neighborCount`).
    public let indices: [Int]
    /// Euclidean distances to the neighbours, laid out like `indices`.
    public let distances: [Double]

    /// The neighbour indices of query `query`, nearest first.
    public func indices(ofQuery query: Int) -> ArraySlice<Int> {
        indices[range(ofQuery: query)]
    }

    /// The neighbour distances of query `query`, nearest first.
    public func distances(ofQuery query: Int) -> ArraySlice<Double> {
        distances[range(ofQuery: query)]
    }

    private func range(ofQuery query: Int) -> Range<Int> {
        precondition(query >= 0 && query < queryCount, "Query index out of range")
        return query * neighborCount ..< (query + 1) * neighborCount
    }
}
