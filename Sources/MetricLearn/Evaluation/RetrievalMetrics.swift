/// Retrieval quality of an embedding, as in Musgrave, Belongie & Lim (2020), "A Metric Learning Reality
/// Check": every sample is a query, every *other* sample is a candidate, and a candidate is relevant when
/// it has the query's label.
///
/// For a query with R relevant candidates (the other samples of its class) and its ranked neighbours
/// (Euclidean distance in the given space, ties → lower index first), with rel(i) = 1 when the i-th nearest
/// is relevant:
/// - precision@k = (1/k) Σ_{i≤k} rel(i);
/// - recall@k = 1 if some i ≤ k has rel(i) = 1, else 0 — the "hit rate" that deep metric learning papers
///   (and Musgrave et al.) call Recall@K, not the fraction of the R relevant items that are retrieved;
/// - R-precision = (1/R) Σ_{i≤R} rel(i);
/// - MAP@R = (1/R) Σ_{i≤R} P(i)·rel(i), with P(i) = (1/i) Σ_{j≤i} rel(j).
///
/// Each value here is the mean over the queries that have R ≥ 1; samples alone in their class have nothing
/// to retrieve and are left out (`queryCount` says how many were used).
public struct RetrievalMetrics: Sendable, Hashable, Codable {
    /// The cut-off k of precision@k and recall@k.
    public let k: Int
    /// The number of queries averaged over (samples whose class has another sample).
    public let queryCount: Int
    /// Mean precision@k.
    public let precisionAtK: Double
    /// Mean recall@k in the hit-rate sense: the fraction of queries with a relevant item in their top k.
    public let recallAtK: Double
    /// Mean R-precision.
    public let rPrecision: Double
    /// Mean average precision at R (MAP@R).
    public let meanAveragePrecisionAtR: Double

    /// Scores the retrieval of each row of `points` among the other rows, relevance given by `labels`.
    ///
    /// To score a learned metric, pass `metric.transform(x)`. Queries are searched in blocks whose neighbour
    /// lists (block × max(k, largest R)) stay within `PairwiseDistances.defaultBlockElementBudget` entries, so
    /// memory stays bounded even when R (the class size) is large. With `search` `.hnsw` (or `.auto` on large
    /// data) the ranked lists come from an HNSW graph built over `points` (each list of max(k, R) from a candidate
    /// list at least that long), so the scores are those of approximate retrieval.
    /// - Throws: `emptyInput`, `nonFiniteValue`, `labelCountMismatch`; `invalidParameter` when `k` is not in
    ///   1...(samples − 1) or a label is negative, or for HNSW parameters out of range; `emptyInput` when no sample
    ///   shares its class.
    public init(points: Matrix, labels: [Int], k: Int, search: NeighborSearchStrategy = .exact) throws(MetricLearnError) {
        try Validation.require(k >= 1, "k", k, "must be at least 1")
        let index = try NearestNeighborIndex(points: points)
        let n = points.rowCount
        guard labels.count == n else { throw .labelCountMismatch(sampleCount: n, labelCount: labels.count) }
        try Validation.checkLabelIndices(labels)
        try Validation.require(k < n, "k", k, "must be below the number of samples (\(n))")
        var classSizes = [Int](repeating: 0, count: (labels.max() ?? 0) + 1)
        for label in labels { classSizes[label] += 1 }
        let depth = max(k, (classSizes.max() ?? 1) - 1)
        let blockHeight = max(1, PairwiseDistances.defaultBlockElementBudget / depth)   // bounds the neighbour lists
        let approximate = try search.approximateIndex(over: points)

        var sums = (precision: 0.0, recall: 0.0, rPrecision: 0.0, map: 0.0), used = 0
        for start in stride(from: 0, to: n, by: blockHeight) {
            let rows = start ..< min(n, start + blockHeight)
            let neighbors = try index.search(points.rows(at: rows), count: depth, approximate: approximate,
                                             selfOffset: start)
            for query in rows {
                let label = labels[query]
                let relevantCount = classSizes[label] - 1
                guard relevantCount > 0 else { continue }
                var hits = 0, precisionSum = 0.0, hitsAtK = 0, hitsAtR = 0
                for (rank, neighbor) in neighbors.indices(ofQuery: query - start).enumerated() {
                    let isRelevant = labels[neighbor] == label
                    if isRelevant { hits += 1 }
                    if rank < k { hitsAtK = hits }
                    if rank < relevantCount {
                        hitsAtR = hits
                        if isRelevant { precisionSum += Double(hits) / Double(rank + 1) }
                    }
                }
                sums.precision += Double(hitsAtK) / Double(k)
                sums.recall += hitsAtK > 0 ? 1 : 0
                sums.rPrecision += Double(hitsAtR) / Double(relevantCount)
                sums.map += precisionSum / Double(relevantCount)
                used += 1
            }
        }
        guard used > 0 else {
            throw .emptyInput(what: "no sample shares its class with another, so no query has a relevant item")
        }
        self.k = k
        queryCount = used
        precisionAtK = sums.precision / Double(used)
        recallAtK = sums.recall / Double(used)
        rPrecision = sums.rPrecision / Double(used)
        meanAveragePrecisionAtR = sums.map / Double(used)
    }
}
