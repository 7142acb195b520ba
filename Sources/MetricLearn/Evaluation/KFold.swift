/// Seeded, shuffled k-fold cross-validation splits for regression (scikit-learn's `KFold(shuffle=True)`): the
/// test sets of the k folds partition the samples, fold sizes differing by at most one.
///
/// The samples are shuffled with `SeededGenerator(seed:)` and dealt to the folds in turn — exactly the folds
/// `StratifiedKFold` makes when every sample has the same label, so both share one rule.
public struct KFold: Sendable, Hashable, Codable {
    /// The number of folds k (default 5, as scikit-learn).
    public var foldCount: Int
    /// The seed of the shuffle.
    public var seed: UInt64

    /// Creates a k-fold configuration (validated when used).
    public init(foldCount: Int = 5, seed: UInt64 = 0) {
        self.foldCount = foldCount
        self.seed = seed
    }

    /// The k folds of `sampleCount` samples, each with sorted training and test indices.
    ///
    /// - Throws: `invalidParameter` when `foldCount` is not in 2...`sampleCount`, `emptyInput` for no samples.
    public func folds(sampleCount: Int) throws(MetricLearnError) -> [StratifiedKFold.Fold] {
        try StratifiedKFold(foldCount: foldCount, seed: seed).folds(labels: [Int](repeating: 0, count: max(0, sampleCount)))
    }
}
