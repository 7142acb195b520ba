/// Recall of the graph against exact search.
extension HNSWIndex {
    /// The queries of a recall check.
    public enum RecallQueries: Sendable, Hashable {
        /// `count` distinct indexed points drawn with `SeededGenerator(seed)` (all of them when there are fewer);
        /// each query's own point is left out of both its lists, so it asks for its neighbours among the others.
        case sample(count: Int, seed: UInt64)
        /// These rows (in the indexed space), e.g. held-out samples mapped by the metric.
        case rows(Matrix)
    }

    /// Recall@`neighborCount` of this index (searching with `efSearch`, by default its own) against exact search
    /// of `points`, the points it was built on, with both searches' throughput. See <doc:ApproximateNeighbors>.
    ///
    /// Both searches run on every core; the times are wall-clock, so measure on a quiet machine.
    /// - Throws: `invalidData` when `points` is not `count` × `dimension`; `invalidParameter` when `neighborCount`
    ///   is not in 1...`count` (1...`count` − 1 for sampled queries), the sample is empty or `efSearch` is below
    ///   1; the query checks of `neighbors(of:count:efSearch:)`.
    public func recall(points: Matrix, queries: RecallQueries = .sample(count: 1000, seed: 0), neighborCount: Int = 10,
                       efSearch: Int? = nil) throws(MetricLearnError) -> HNSWRecall {
        try Validation.requireData(points.rowCount == count && points.columnCount == dimension, "points",
                                   "\(points.rowCount) rows × \(points.columnCount)",
                                   "must be the \(count) rows × \(dimension) the index was built on")
        let exact = try NearestNeighborIndex(points: points)
        let ef = efSearch ?? parameters.efSearch
        try HNSWParameters.validate(efSearch: ef)
        let (queryRows, ownRows): (Matrix, [Int]?)
        switch queries {
        case let .sample(sampleCount, seed):
            try Validation.require(sampleCount >= 1, "queries", sampleCount, "must be at least 1")
            try Validation.require(neighborCount >= 1 && neighborCount < count, "neighborCount", neighborCount,
                                   "must be between 1 and the number of indexed points minus one (\(count - 1))")
            var generator = SeededGenerator(seed: seed)
            var rows = Array(0..<count)
            let drawn = min(sampleCount, count)
            for i in 0..<drawn { rows.swapAt(i, i + generator.nextIndex(below: count - i)) }
            ownRows = Array(rows.prefix(drawn))
            queryRows = points.rows(at: rows.prefix(drawn))
        case let .rows(matrix):
            try Validation.require(neighborCount >= 1 && neighborCount <= count, "neighborCount", neighborCount,
                                   "must be between 1 and the number of indexed points (\(count))")
            try Validation.checkTransformInput(matrix, expectedWidth: dimension)
            try Validation.require(matrix.rowCount >= 1, "queries", matrix.rowCount, "must be at least 1 row")
            try Self.checkSinglePrecision(matrix, name: "queries")
            (queryRows, ownRows) = (matrix, nil)
        }
        let asked = ownRows == nil ? neighborCount : neighborCount + 1
        let clock = ContinuousClock()
        let start = clock.now
        let approximate = try search(queryRows, count: asked, efSearch: ef)
        let middle = clock.now
        let truth = exact.search(queryRows, count: asked)
        let (seconds, exactSeconds) = ((middle - start).seconds, (clock.now - middle).seconds)

        var total = 0.0
        for query in 0..<queryRows.rowCount {
            let own = ownRows?[query]
            let found = Self.withoutOwnRow(approximate.indices(ofQuery: query), own, keeping: neighborCount)
            let trueNeighbors = Self.withoutOwnRow(truth.indices(ofQuery: query), own, keeping: neighborCount)
            let query = queryRows.rows(at: query ..< query + 1)
            let kth = exact.squaredDistance(from: query, toPoint: trueNeighbors[neighborCount - 1])
            let hits = found.filter { exact.squaredDistance(from: query, toPoint: $0) <= kth }.count
            total += Double(min(hits, neighborCount)) / Double(neighborCount)
        }
        return HNSWRecall(recall: total / Double(queryRows.rowCount), neighborCount: neighborCount,
                          queryCount: queryRows.rowCount, efSearch: ef, seconds: seconds, exactSeconds: exactSeconds)
    }

    /// The first `count` of `indices` other than `own` (the first `count` when `own` is nil or absent).
    private static func withoutOwnRow(_ indices: ArraySlice<Int>, _ own: Int?, keeping count: Int) -> [Int] {
        Array(indices.filter { $0 != own }.prefix(count))
    }
}

extension NearestNeighborIndex {
    /// Σ(qₗ − pₗ)² between the one row of `query` and indexed point `point`, summed directly.
    func squaredDistance(from query: Matrix, toPoint point: Int) -> Double {
        (0..<dimension).reduce(0) { sum, l in
            let difference = query[0, l] - points[point, l]
            return sum + difference * difference
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
