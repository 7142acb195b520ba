import MetricLearn

/// k-nearest-neighbour prediction (k = 5, uniform votes), brute force through BLAS: Euclidean on the
/// synthetic grid with 1000 new queries (time ∝ n), and 20 000 training × 5 000 query rows × 50 features.
enum NeighborsCases {
    static let neighborCount = 5
    static let queryCount = 1000

    static func cases(scale: Scale) -> [BenchmarkCase] {
        let large = scale == .quick ? [] : [
            prediction(group: "knn", learner: nil, on: .synthetic(sampleCount: 20000, featureCount: 50), queryCount: 5000),
        ]
        return DataSource.grid(scale).map { prediction(group: "knn", learner: nil, on: $0, queryCount: queryCount) } + large
    }

    /// Times `predict` of `queryCount` new rows (bundled data: their own rows); the metric, when a learner
    /// is given, and the classifier are fitted outside the timed region. Flops: the distance products
    /// 2·q·n·k in the k-dimensional learned space (k = d without a learner) plus the query transform 2·q·d·k.
    /// Only the default query count joins the growth series (`predict`); others are `predict-qQ`.
    static func prediction(group: String, learner: (any MetricLearner)?, on source: DataSource,
                           queryCount: Int) -> BenchmarkCase {
        let isDefault = queryCount == Self.queryCount
        return source.makeCase(group: group, operation: isDefault ? "predict" : "predict-q\(queryCount)",
                               inGrowthSeries: isDefault) {
            let (x, labels, queries) = try source.loadWithQueries(count: queryCount)
            let metric = try learner?.fit(x, labels: labels)
            let classifier = try KNearestNeighbors(neighborCount: neighborCount).fit(x, labels: labels, metric: metric)
            let (n, q, d) = (Double(x.rowCount), Double(queries.rowCount), Double(x.columnCount))
            let k = Double(metric?.outputDimension ?? x.columnCount)
            return Workload(flopsPerRun: 2 * q * n * k + (metric == nil ? 0 : 2 * q * d * k)) {
                blackHole(try classifier.predict(queries))
                return [:]
            }
        }
    }
}
