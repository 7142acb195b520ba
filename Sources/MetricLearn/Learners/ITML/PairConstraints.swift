/// Side information for ITML: pairs of samples (row indices) that should be close or far apart.
///
/// ```swift
/// let constraints = PairConstraints(similar: [(0, 1), (2, 3)], dissimilar: [(0, 2)])
/// let metric = try ITML().fit(x, constraints: constraints)
/// ```
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
    /// Checks every index against `sampleCount` and rejects a pair of a sample with itself and an empty set.
    ///
    /// The error names the offending pair as `constraints.similar[i]` or `constraints.dissimilar[i]`.
    func validate(sampleCount: Int) throws(MetricLearnError) {
        guard count > 0 else {
            throw .invalidData(what: "constraints", value: "0 pairs",
                               requirement: "at least one similar or dissimilar pair is needed")
        }
        for (kind, pairs) in [("similar", similar), ("dissimilar", dissimilar)] {
            for (index, pair) in pairs.enumerated() {
                let name = "constraints.\(kind)[\(index)]"
                let value = "(\(pair.first), \(pair.second))"
                guard (0..<sampleCount).contains(pair.first) && (0..<sampleCount).contains(pair.second) else {
                    throw .invalidData(what: name, value: value, requirement: "row indices must be in 0..<\(sampleCount)")
                }
                guard pair.first != pair.second else {
                    throw .invalidData(what: name, value: value, requirement: "a pair must join two different samples")
                }
            }
        }
    }
}
