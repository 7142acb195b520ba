/// A fitted k-nearest-neighbours regressor: the training samples (in the metric's space when a metric was
/// given), their targets, and the configuration that averages them. Made by `KNearestNeighbors.fit(_:targets:metric:)`.
///
/// A query's prediction is the (weighted) mean of its k nearest training samples' targets, scikit-learn's
/// `KNeighborsRegressor(algorithm="brute")` rule for rule: the same neighbours (ties → lower index), uniform
/// weights or 1/distance (zero-distance neighbours alone when there are any), sums taken nearest first.
/// Queries are given in the original feature space; the regressor maps them with `metric` itself.
public struct NeighborsRegressor: NeighborsModel, Hashable, Codable {
    /// The configuration it was fitted with.
    public let configuration: KNearestNeighbors
    /// The metric whose space the neighbours are found in (`nil`: plain Euclidean distance).
    public let metric: MahalanobisMetric?
    /// The training samples, already mapped by `metric`.
    public let index: NearestNeighborIndex
    /// The HNSW graph over `index`'s points that proposes the neighbours, or nil for exact search (see
    /// `KNearestNeighbors.search`).
    public let approximateIndex: HNSWIndex?
    /// The target of each training sample.
    public let targets: [Double]

    /// A regressor from parts already known to be consistent.
    init(configuration: KNearestNeighbors, metric: MahalanobisMetric?, index: NearestNeighborIndex,
         approximateIndex: HNSWIndex?, targets: [Double]) {
        self.configuration = configuration
        self.metric = metric
        self.index = index
        self.approximateIndex = approximateIndex
        self.targets = targets
    }

    /// This regressor, searching through `approximateIndex` (see `NeighborsModel.searching(with:)`).
    public func searching(with approximateIndex: HNSWIndex) throws(MetricLearnError) -> NeighborsRegressor {
        try checkIndexes(approximateIndex)
        return NeighborsRegressor(configuration: configuration, metric: metric, index: index,
                                  approximateIndex: approximateIndex, targets: targets)
    }

    /// The predicted target of each query row.
    ///
    /// - Throws: `featureCountMismatch`, `nonFiniteValue`.
    public func predict(_ queries: Matrix) throws(MetricLearnError) -> [Double] {
        predictions(from: try neighbors(of: queries))
    }

    /// The coefficient of determination R² of the predictions for `queries` against `targets`
    /// (`RegressionMetrics.r2`).
    ///
    /// - Throws: `labelCountMismatch` when there is not one target per row, besides `predict`'s errors.
    public func r2(on queries: Matrix, targets: [Double]) throws(MetricLearnError) -> Double {
        guard targets.count == queries.rowCount else {
            throw .labelCountMismatch(sampleCount: queries.rowCount, labelCount: targets.count)
        }
        return try RegressionMetrics.r2(trueTargets: targets, predictedTargets: try predict(queries))
    }

    /// The prediction for each training sample from its `neighborCount` nearest *other* training samples.
    ///
    /// - Throws: `invalidParameter` when `neighborCount` is not below the number of training samples.
    public func leaveOneOutPredictions() throws(MetricLearnError) -> [Double] {
        predictions(from: try leaveOneOutNeighbors())
    }

    /// Σ wⱼ·tⱼ / Σ wⱼ over each query's neighbours, nearest first (the mean for uniform weights).
    func predictions(from neighbors: NeighborSearchResult) -> [Double] {
        (0..<neighbors.queryCount).map { query in
            let weights = configuration.weighting.weights(of: neighbors.distances(ofQuery: query))
            guard configuration.weighting == .distance else {
                return neighbors.indices(ofQuery: query).reduce(0) { $0 + targets[$1] } / Double(neighbors.neighborCount)
            }
            var (weighted, total) = (0.0, 0.0)
            for (index, weight) in zip(neighbors.indices(ofQuery: query), weights) {
                weighted += weight * targets[index]
                total += weight
            }
            return weighted / total
        }
    }

    /// Decodes a regressor and validates it again; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let configuration = try container.decode(KNearestNeighbors.self, forKey: .configuration)
        let metric = try container.decodeIfPresent(MahalanobisMetric.self, forKey: .metric)
        let index = try container.decode(NearestNeighborIndex.self, forKey: .index)
        let approximateIndex = try container.decodeIfPresent(HNSWIndex.self, forKey: .approximateIndex)
        let targets = try container.decode([Double].self, forKey: .targets)
        do {
            try RegressionDataset.checkTargets(targets, rowCount: index.count)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .targets, in: container, debugDescription: "\(error)")
        }
        if let (key, reason) = Self.inconsistency(of: configuration, metric: metric, index: index,
                                                  approximateIndex: approximateIndex) {
            throw DecodingError.dataCorruptedError(forKey: CodingKeys(stringValue: key) ?? .configuration, in: container,
                                                   debugDescription: reason)
        }
        self.init(configuration: configuration, metric: metric, index: index, approximateIndex: approximateIndex,
                  targets: targets)
    }
}
