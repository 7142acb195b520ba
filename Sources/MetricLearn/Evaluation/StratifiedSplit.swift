/// A seeded, stratified train/test split: each class is split in the same proportion.
///
/// For a class of c samples, round(testFraction · c) go to the test set (halves round away from
/// zero), clamped so that train and test each get at least one sample when c ≥ 2; a class with a
/// single sample goes to the training set. Within each class the samples are shuffled with
/// `SeededGenerator(seed:)` (classes in index order, one generator), so the same labels and seed
/// give the same split on every platform.
public struct StratifiedSplit: Sendable, Hashable, Codable {
    /// The fraction of each class put in the test set, in (0, 1).
    public var testFraction: Double
    /// The seed of the shuffle.
    public var seed: UInt64

    /// Creates a split configuration (validated when used).
    public init(testFraction: Double = 0.25, seed: UInt64 = 0) {
        self.testFraction = testFraction
        self.seed = seed
    }

    /// The training and test sample indices for `labels` (class indices 0, 1, …), each sorted.
    ///
    /// - Throws: `invalidParameter` for a `testFraction` outside (0, 1) or a negative label,
    ///   `emptyInput` for no labels, `classTooSmall` when every class has a single sample (the test
    ///   set would be empty).
    public func indices(labels: [Int]) throws(MetricLearnError) -> (train: [Int], test: [Int]) {
        try Validation.require(testFraction > 0 && testFraction < 1, "testFraction", testFraction,
                               "must be in (0, 1), exclusive")
        try Stratification.checkLabels(labels)
        var train: [Int] = []
        var test: [Int] = []
        for group in Stratification.shuffledMembers(labels: labels, seed: seed) where !group.isEmpty {
            let count = group.count
            let testCount = count < 2 ? 0 : min(max(Int((testFraction * Double(count)).rounded()), 1), count - 1)
            test += group[..<testCount]
            train += group[testCount...]
        }
        guard !test.isEmpty else {
            throw .classTooSmall(label: String(labels[0]), count: 1, required: 2)
        }
        return (train.sorted(), test.sorted())
    }
}
