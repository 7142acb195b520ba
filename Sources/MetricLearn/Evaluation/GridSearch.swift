/// Exhaustive search over candidate pipelines by stratified k-fold cross-validation, every candidate on the
/// same folds; the best is refitted on all the data.
///
/// ```swift
/// let candidates = Pipeline()
///     .varying(\.learner, over: [nil, .whitening(Whitening()), .whitening(Whitening(shrinkage: .ledoitWolf))])
///     .varying(\.classifier.neighborCount, over: [1, 3, 5, 7])
/// let search = try GridSearch(candidates: candidates, folds: 5, seed: 0).fit(.wine, maxConcurrency: 2)
/// print(search.best.pipeline, search.ranking[0].crossValidation.accuracy.mean)
/// ```
public struct GridSearch: Sendable, Hashable, Codable {
    /// The pipelines to compare, in the order that breaks the last ties.
    public var candidates: [Pipeline]
    /// The number of folds k.
    public var folds: Int
    /// The seed of the folds (shared by all candidates).
    public var seed: UInt64

    /// Creates a search (validated when run).
    public init(candidates: [Pipeline], folds: Int = 5, seed: UInt64 = 0) {
        self.candidates = candidates
        self.folds = folds
        self.seed = seed
    }

    /// Cross-validates every candidate on `dataset`, ranks them, and refits the best on all of `dataset`.
    ///
    /// Ranking: higher mean accuracy first; equal means → lower standard deviation first; then candidate order.
    /// The (candidate, fold) fits run on up to `maxConcurrency` threads; the result does not depend on it
    /// (apart from the measured seconds).
    /// - Throws: `emptyInput` for no candidates, as `crossValidate` otherwise (the first failing candidate and
    ///   fold in candidate order).
    public func fit(_ dataset: Dataset, maxConcurrency: Int = 1) throws(MetricLearnError) -> GridSearchResult {
        try search(dataset, maxConcurrency: maxConcurrency)
    }

    /// The same search on a raw table; each candidate's table preprocessing is fitted on each fold's
    /// training samples only.
    public func fit(_ dataset: RawDataset, maxConcurrency: Int = 1) throws(MetricLearnError) -> GridSearchResult {
        try search(dataset, maxConcurrency: maxConcurrency)
    }

    private func search(_ dataset: some PipelineSamples, maxConcurrency: Int) throws(MetricLearnError) -> GridSearchResult {
        let outcomes = try FoldEvaluation.grid(candidates, maxConcurrency: maxConcurrency) { () throws(MetricLearnError) in
            try StratifiedKFold(foldCount: folds, seed: seed).folds(labels: dataset.labels)
        } _: { candidate, fold, index throws(MetricLearnError) in
            try candidate.evaluate(on: dataset, fold: fold, index: index)
        }
        let results = zip(candidates, outcomes).map { CrossValidationResult(pipeline: $0, seed: seed, folds: $1) }
        let order = Self.rankingOrder(of: results.map(\.accuracy))
        let ranking = order.enumerated().map { rank, candidate in
            GridSearchResult.Entry(rank: rank + 1, candidateIndex: candidate, crossValidation: results[candidate])
        }
        return GridSearchResult(ranking: ranking, best: try dataset.fit(candidates[order[0]]))
    }

    /// Candidate positions best first: higher mean first, then lower standard deviation, then lower position.
    static func rankingOrder(of scores: [CrossValidationResult.Summary]) -> [Int] {
        scores.indices.sorted { a, b in
            if scores[a].mean != scores[b].mean { return scores[a].mean > scores[b].mean }
            if scores[a].standardDeviation != scores[b].standardDeviation {
                return scores[a].standardDeviation < scores[b].standardDeviation
            }
            return a < b
        }
    }
}
