/// Weak supervision by pairs: pairs of samples (row indices) that should be close (similar) or far apart
/// (dissimilar), what ITML, MMC and GMML learn from (`Supervision.pairs`).
///
/// ```swift
/// let constraints = PairConstraints(similar: [(0, 1), (2, 3)], dissimilar: [(0, 2)])
/// let metric = try MMC().fit(x, supervision: .pairs(constraints))
/// ```
///
/// See <doc:ConstraintFormats> for the files the command line reads them from.
public struct PairConstraints: Sendable, Hashable, Codable {
    /// Two row indices of the feature matrix, in the order given.
    public struct Pair: Sendable, Hashable, Codable {
        /// The first row index.
        public var first: Int
        /// The second row index.
        public var second: Int

        /// A pair of row indices.
        public init(_ first: Int, _ second: Int) {
            self.first = first
            self.second = second
        }
    }

    /// Pairs whose learned squared distance should be at most the lower bound.
    public var similar: [Pair]
    /// Pairs whose learned squared distance should be at least the upper bound.
    public var dissimilar: [Pair]

    /// Constraints from pair values.
    public init(similarPairs: [Pair], dissimilarPairs: [Pair]) {
        similar = similarPairs
        dissimilar = dissimilarPairs
    }

    /// Constraints from tuples of row indices.
    public init(similar: [(Int, Int)] = [], dissimilar: [(Int, Int)] = []) {
        self.init(similarPairs: similar.map { Pair($0.0, $0.1) }, dissimilarPairs: dissimilar.map { Pair($0.0, $0.1) })
    }

    /// The total number of pairs.
    public var count: Int { similar.count + dissimilar.count }
}

extension PairConstraints {
    /// Checks the pairs a pair learner is given: both kinds present, every index in `0..<sampleCount`, no pair
    /// of a sample with itself.
    ///
    /// - Throws: `invalidData` naming the offending pair as `constraints.similar[i]` or
    ///   `constraints.dissimilar[i]`, or `constraints` when a kind is missing.
    public func validate(sampleCount: Int) throws(MetricLearnError) {
        for (kind, pairs) in [("similar", similar), ("dissimilar", dissimilar)] {
            for (index, pair) in pairs.enumerated() {
                let requirement: String
                if !(0..<sampleCount).contains(pair.first) || !(0..<sampleCount).contains(pair.second) {
                    requirement = "row indices must be in 0..<\(sampleCount)"
                } else if pair.first == pair.second {
                    requirement = "a pair must join two different samples"
                } else {
                    continue
                }
                throw .invalidData(what: "constraints.\(kind)[\(index)]", value: "(\(pair.first), \(pair.second))",
                                   requirement: requirement)
            }
        }
        guard !similar.isEmpty && !dissimilar.isEmpty else {
            throw .invalidData(what: "constraints", value: "\(similar.count) similar and \(dissimilar.count) dissimilar pairs",
                               requirement: "pair learners need at least one similar and one dissimilar pair")
        }
    }
}
