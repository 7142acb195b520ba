/// The fold loops classification and regression share: cross-validation (`crossValidate`) and grid search
/// (`GridSearch`, `RegressionGridSearch`) run each fold's fit and score through these, concurrently, with results
/// in a fixed order whatever `maxConcurrency` is.
enum FoldEvaluation {
    /// `evaluate(fold, index)` for every fold of `splits`, checked against `sampleCount`, on up to
    /// `maxConcurrency` threads, in fold order.
    ///
    /// - Throws: `invalidParameter` for `maxConcurrency` < 1, no folds or a fold whose indices do not fit, and
    ///   the error of the first failing fold (in fold order).
    static func run<Outcome: Sendable>(
        _ splits: [StratifiedKFold.Fold], sampleCount: Int, maxConcurrency: Int,
        _ evaluate: @Sendable (StratifiedKFold.Fold, Int) throws(MetricLearnError) -> Outcome
    ) throws(MetricLearnError) -> [Outcome] {
        try Validation.require(maxConcurrency >= 1, "maxConcurrency", maxConcurrency, "must be at least 1")
        try Validation.require(!splits.isEmpty, "splits", "none", "at least one fold is needed")
        for split in splits {
            _ = try StratifiedKFold.Fold(testIndices: split.testIndices, sampleCount: sampleCount)
        }
        return try Parallel.map(count: splits.count, maxConcurrency: maxConcurrency) { index throws(MetricLearnError) in
            try evaluate(splits[index], index)
        }
    }

    /// `evaluate(candidate, fold, index)` for every candidate on every fold that `makeSplits` gives, the
    /// (candidate, fold) jobs on up to `maxConcurrency` threads: the folds, and one array of fold outcomes per
    /// candidate, in candidate order.
    ///
    /// - Throws: `emptyInput` for no candidates, `invalidParameter` for `maxConcurrency` < 1, the error of
    ///   `makeSplits`, and the error of the first failing candidate and fold (in candidate order).
    static func grid<Candidate: Sendable, Outcome: Sendable>(
        _ candidates: [Candidate], maxConcurrency: Int,
        splits makeSplits: () throws(MetricLearnError) -> [StratifiedKFold.Fold],
        _ evaluate: @Sendable (Candidate, StratifiedKFold.Fold, Int) throws(MetricLearnError) -> Outcome
    ) throws(MetricLearnError) -> [[Outcome]] {
        guard !candidates.isEmpty else { throw .emptyInput(what: "no candidate pipelines to search") }
        try Validation.require(maxConcurrency >= 1, "maxConcurrency", maxConcurrency, "must be at least 1")
        let splits = try makeSplits()
        let foldCount = splits.count
        let outcomes = try Parallel.map(count: candidates.count * foldCount, maxConcurrency: maxConcurrency) {
            job throws(MetricLearnError) in
            let (candidate, fold) = job.quotientAndRemainder(dividingBy: foldCount)
            return try evaluate(candidates[candidate], splits[fold], fold)
        }
        return candidates.indices.map { Array(outcomes[$0 * foldCount ..< ($0 + 1) * foldCount]) }
    }
}
