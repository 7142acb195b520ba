/// Exhaustive search over candidate regression pipelines by k-fold cross-validation, every candidate on the same
/// shuffled folds (`KFold`), ranked by mean R²; the best is refitted on all the data. The regression counterpart
/// of `GridSearch`.
///
/// ```swift
/// let candidates = RegressionPipeline()
///     .varying(\.learner, over: [nil, .mlkr(MLKR())])
///     .varying(\.regressor.neighborCount, over: [3, 5, 10])
/// let search = try RegressionGridSearch(candidates: candidates).fit(.diabetes)
/// ```
public struct RegressionGridSearch: Sendable, Hashable, Codable {
    /// The pipelines to compare, in the order that breaks the last ties.
    public var candidates: [RegressionPipeline]
    /// The number of folds k.
    public var folds: Int
    /// The seed of the folds (shared by all candidates).
    public var seed: UInt64

    /// Creates a search (validated when run).
    public init(candidates: [RegressionPipeline], folds: Int = 5, seed: UInt64 = 0) {
        self.candidates = candidates
        self.folds = folds
        self.seed = seed
    }

    /// Cross-validates every candidate on `dataset`, ranks them, and refits the best on all of `dataset`.
    ///
    /// Ranking: higher mean R² first; equal means → lower standard deviation first; then candidate order. The
    /// (candidate, fold) fits run on up to `maxConcurrency` threads; the result does not depend on it (apart from
    /// the measured seconds).
    /// - Throws: `emptyInput` for no candidates, as `crossValidate` otherwise (the first failing candidate and
    ///   fold in candidate order).
    public func fit(_ dataset: RegressionDataset, maxConcurrency: Int = 1)
        throws(MetricLearnError) -> RegressionGridSearchResult {
        try search(dataset, maxConcurrency: maxConcurrency)
    }

    /// The same search on a raw table; each candidate's table preprocessing is fitted on each fold's training
    /// samples only.
    public func fit(_ dataset: RawRegressionDataset, maxConcurrency: Int = 1)
        throws(MetricLearnError) -> RegressionGridSearchResult {
        try search(dataset, maxConcurrency: maxConcurrency)
    }

    private func search(_ dataset: some RegressionSamples, maxConcurrency: Int)
        throws(MetricLearnError) -> RegressionGridSearchResult {
        let outcomes = try FoldEvaluation.grid(candidates, maxConcurrency: maxConcurrency) { () throws(MetricLearnError) in
            try KFold(foldCount: folds, seed: seed).folds(sampleCount: dataset.sampleCount)
        } _: { candidate, fold, index throws(MetricLearnError) in
            try candidate.evaluate(on: dataset, fold: fold, index: index)
        }
        let results = zip(candidates, outcomes).map {
            RegressionCrossValidationResult(pipeline: $0, seed: seed, folds: $1)
        }
        let order = GridSearch.rankingOrder(of: results.map(\.r2))
        let ranking = order.enumerated().map { rank, candidate in
            RegressionGridSearchResult.Entry(rank: rank + 1, candidateIndex: candidate, crossValidation: results[candidate])
        }
        return RegressionGridSearchResult(ranking: ranking, best: try dataset.fit(candidates[order[0]]))
    }
}
