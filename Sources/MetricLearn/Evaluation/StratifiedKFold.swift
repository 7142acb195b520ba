/// Seeded stratified k-fold cross-validation splits: the test sets of the k folds partition the samples,
/// and each class is spread over the folds as evenly as possible.
///
/// Each class's samples are shuffled with `SeededGenerator(seed:)` (the grouping `StratifiedSplit` uses);
/// the shuffled classes, in class order, are then dealt to the folds in turn (sample p of that sequence goes
/// to fold p mod k). So every fold gets ⌊c/k⌋ or ⌈c/k⌉ samples of a class of c samples, and fold sizes differ
/// by at most one. A class with fewer than k samples is missing from some test folds (scikit-learn warns in
/// that case; here it is allowed and documented).
public struct StratifiedKFold: Sendable, Hashable, Codable {
    /// One fold: the samples to train on and the samples to test on, each sorted.
    public struct Fold: Sendable, Hashable, Codable {
        /// The training sample indices (every sample not in `testIndices`).
        public let trainIndices: [Int]
        /// The test sample indices.
        public let testIndices: [Int]

        /// A fold of a dataset with `sampleCount` samples whose test set is `testIndices`; every other sample trains.
        ///
        /// Use it to replay folds made elsewhere (for example scikit-learn's), so both sides see the same splits.
        /// - Throws: `invalidParameter` when a test index is out of range or repeated, or no sample is left to train on.
        public init(testIndices: [Int], sampleCount: Int) throws(MetricLearnError) {
            let test = Set(testIndices)
            try Validation.require(testIndices.allSatisfy { (0..<sampleCount).contains($0) } && test.count == testIndices.count,
                                   "testIndices", "\(testIndices.count) indices",
                                   "must be distinct sample indices in 0..<\(sampleCount)")
            try Validation.require(!test.isEmpty && test.count < sampleCount, "testIndices", "\(test.count) indices",
                                   "must leave at least one sample on each side")
            self.init(trainIndices: (0..<sampleCount).filter { !test.contains($0) }, testIndices: testIndices.sorted())
        }

        init(trainIndices: [Int], testIndices: [Int]) {
            self.trainIndices = trainIndices
            self.testIndices = testIndices
        }
    }

    /// The number of folds k (default 5, as scikit-learn).
    public var foldCount: Int
    /// The seed of the shuffle.
    public var seed: UInt64

    /// Creates a k-fold configuration (validated when used).
    public init(foldCount: Int = 5, seed: UInt64 = 0) {
        self.foldCount = foldCount
        self.seed = seed
    }

    /// The k folds for `labels` (class indices 0, 1, …).
    ///
    /// - Throws: `invalidParameter` when `foldCount` is not in 2...samples or a label is negative,
    ///   `emptyInput` for no labels.
    public func folds(labels: [Int]) throws(MetricLearnError) -> [Fold] {
        try Validation.require(foldCount >= 2, "foldCount", foldCount, "must be at least 2")
        try Stratification.checkLabels(labels)
        try Validation.require(foldCount <= labels.count, "foldCount", foldCount,
                               "must be at most the number of samples (\(labels.count))")
        var foldOfSample = [Int](repeating: 0, count: labels.count)
        for (position, sample) in Stratification.shuffledMembers(labels: labels, seed: seed).joined().enumerated() {
            foldOfSample[sample] = position % foldCount
        }
        return (0..<foldCount).map { fold in
            Fold(trainIndices: labels.indices.filter { foldOfSample[$0] != fold },
                 testIndices: labels.indices.filter { foldOfSample[$0] == fold })
        }
    }
}
