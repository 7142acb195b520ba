extension NeighborSearchResult {
    /// A result from each query's candidates in any order (row-major, `neighborCount` a query), each query's put
    /// in the order every search reports: by distance, then by index.
    init(queryCount: Int, neighborCount: Int, sorting indices: [Int], distances: [Double]) {
        var sortedIndices = indices, sortedDistances = distances
        var order = [Int](repeating: 0, count: neighborCount)
        for query in 0..<queryCount {
            let start = query * neighborCount
            for i in 0..<neighborCount { order[i] = start + i }
            order.sort { (distances[$0], indices[$0]) < (distances[$1], indices[$1]) }
            for (i, source) in order.enumerated() {
                sortedIndices[start + i] = indices[source]
                sortedDistances[start + i] = distances[source]
            }
        }
        self.init(queryCount: queryCount, neighborCount: neighborCount, indices: sortedIndices, distances: sortedDistances)
    }
}
