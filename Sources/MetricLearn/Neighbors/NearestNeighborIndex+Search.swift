extension NearestNeighborIndex {
    /// Squared distances at or below this fraction of ‖q‖² + ‖r‖² are recomputed directly as Σ(qᵢ − rᵢ)².
    ///
    /// The BLAS expansion ‖q‖² + ‖r‖² − 2q·r loses about ε·(‖q‖² + ‖r‖²) to cancellation, so for nearly
    /// coincident points it is mostly rounding noise; recomputing those few candidates makes exact duplicates
    /// exactly 0 apart (which the distance-weighted vote relies on) and keeps near neighbours accurate.
    static let refinementFraction = 1e-8

    /// The `count` nearest points of each query row. With `selfOffset`, query i is indexed point
    /// `selfOffset + i` and skips it. Inputs are already validated.
    func search(_ queries: Matrix, count: Int, selfOffset: Int? = nil) -> NeighborSearchResult {
        let n = points.rowCount
        var indices = [Int](repeating: 0, count: queries.rowCount * count)
        var distances = [Double](repeating: 0, count: queries.rowCount * count)
        let pointNorms = points.rowSquaredNorms()
        let queryNorms = queries.rowSquaredNorms()
        let largestPointNorm = pointNorms.max() ?? 0
        var heap = NeighborHeap(capacity: count)

        PairwiseDistances.forEachBlock(queries: queries, references: points) { rows, block in
            for query in rows {
                let start = (query - rows.lowerBound) * n
                let row = UnsafeBufferPointer(rebasing: block[start ..< start + n])
                let queryNorm = queryNorms[query]
                // A candidate needs a look when it beats the heap's bound or may need refining; one comparison
                // against max(bound, next value above the refinement bound) tests both.
                let refinementBound = (Self.refinementFraction * (queryNorm + largestPointNorm)).nextUp
                let excluded = selfOffset.map { $0 + query } ?? -1
                var threshold = max(heap.bound, refinementBound)
                for j in 0..<n {
                    let raw = row[j]
                    guard raw < threshold, j != excluded else { continue }
                    let isUnreliable = raw <= Self.refinementFraction * (queryNorm + pointNorms[j])
                    heap.offer(distance: isUnreliable ? directSquaredDistance(queries, query, j) : raw, index: j)
                    threshold = max(heap.bound, refinementBound)
                }
                heap.drain(intoDistances: &distances, indices: &indices, at: query * count)
            }
        }
        for i in distances.indices { distances[i] = distances[i].squareRoot() }
        return NeighborSearchResult(queryCount: queries.rowCount, neighborCount: count,
                                    indices: indices, distances: distances)
    }

    /// Σ(qᵢ − rᵢ)² between row `query` of `queries` and indexed point `point`, without cancellation.
    private func directSquaredDistance(_ queries: Matrix, _ query: Int, _ point: Int) -> Double {
        let d = dimension
        var sum = 0.0
        for c in 0..<d {
            let difference = queries.elements[query * d + c] - points.elements[point * d + c]
            sum += difference * difference
        }
        return sum
    }
}
