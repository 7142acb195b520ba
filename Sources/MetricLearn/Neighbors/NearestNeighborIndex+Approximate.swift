/// Search through an `HNSWIndex` of the same points, finished with this index's distances and tie rule.
extension NearestNeighborIndex {
    /// The `count` nearest points of each row of `queries` among those `approximate` finds (searching with
    /// `efSearch`, by default its own), or the exact ones when `approximate` is nil. The graph only proposes
    /// candidates: their distances are recomputed here in double precision (Σ(qₗ − rₗ)², directly) and each
    /// query's list is ordered by (distance, index), the exact search's rule. With `selfOffset`, query i is indexed
    /// point `selfOffset + i` and is left out of its own list (one more candidate is asked for).
    ///
    /// `approximate` must index these points (same count and dimension, checked by the callers); inputs are checked.
    func search(_ queries: Matrix, count: Int, approximate: HNSWIndex?, efSearch: Int? = nil,
                selfOffset: Int? = nil) throws(MetricLearnError) -> NeighborSearchResult {
        guard let approximate else { return search(queries, count: count, selfOffset: selfOffset) }
        let asked = selfOffset == nil ? count : count + 1
        let found = try approximate.search(queries, count: asked, efSearch: efSearch ?? approximate.parameters.efSearch)
        let d = dimension
        var indices = [Int](), distances = [Double]()
        indices.reserveCapacity(queries.rowCount * count)
        distances.reserveCapacity(queries.rowCount * count)
        queries.elements.withUnsafeBufferPointer { queryValues in
            points.elements.withUnsafeBufferPointer { pointValues in
                guard let queryBase = queryValues.baseAddress, let pointBase = pointValues.baseAddress else { return }
                for query in 0..<queries.rowCount {
                    var candidates = Array(found.indices(ofQuery: query))
                    if let selfOffset {
                        candidates.remove(at: candidates.firstIndex(of: selfOffset + query) ?? candidates.count - 1)
                    }
                    for point in candidates {
                        indices.append(point)
                        distances.append(ScreenedDistances.direct(queryBase + query * d, pointBase + point * d,
                                                                  count: d).squareRoot())
                    }
                }
            }
        }
        return NeighborSearchResult(queryCount: queries.rowCount, neighborCount: count, sorting: indices,
                                    distances: distances)
    }
}
