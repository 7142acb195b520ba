/// Weak supervision by relative judgements: triplets of samples (row indices) where the anchor should be closer
/// to the positive than to the negative, what LMNN learns from (`Supervision.triplets`).
///
/// ```swift
/// let constraints = TripletConstraints([(0, 1, 5), (2, 3, 7)])
/// let metric = try LMNN().fit(x, supervision: .triplets(constraints))
/// ```
///
/// See <doc:ConstraintFormats> for the file the command line reads them from.
public struct TripletConstraints: Sendable, Hashable, Codable {
    /// Three row indices of the feature matrix: the anchor should be closer to `positive` than to `negative`.
    public struct Triplet: Sendable, Hashable, Codable {
        /// The sample both distances are measured from.
        public var anchor: Int
        /// The sample that should be near the anchor.
        public var positive: Int
        /// The sample that should be farther from the anchor than the positive.
        public var negative: Int

        /// A triplet of row indices.
        public init(_ anchor: Int, _ positive: Int, _ negative: Int) {
            self.anchor = anchor
            self.positive = positive
            self.negative = negative
        }
    }

    /// The triplets, in the order given.
    public var triplets: [Triplet]

    /// Constraints from triplet values.
    public init(triplets: [Triplet]) {
        self.triplets = triplets
    }

    /// Constraints from (anchor, positive, negative) tuples of row indices.
    public init(_ triplets: [(Int, Int, Int)]) {
        self.init(triplets: triplets.map { Triplet($0.0, $0.1, $0.2) })
    }

    /// The number of triplets.
    public var count: Int { triplets.count }
}

extension TripletConstraints {
    /// Checks the triplets a learner is given: at least one, every index in `0..<sampleCount`, three different
    /// samples in each.
    ///
    /// - Throws: `invalidData` naming the offending triplet as `constraints.triplets[i]`, or `constraints` for
    ///   an empty set.
    public func validate(sampleCount: Int) throws(MetricLearnError) {
        guard !triplets.isEmpty else {
            throw .invalidData(what: "constraints", value: "0 triplets", requirement: "at least one triplet is needed")
        }
        for (index, triplet) in triplets.enumerated() {
            let name = "constraints.triplets[\(index)]"
            let value = "(\(triplet.anchor), \(triplet.positive), \(triplet.negative))"
            let rows = [triplet.anchor, triplet.positive, triplet.negative]
            guard rows.allSatisfy({ (0..<sampleCount).contains($0) }) else {
                throw .invalidData(what: name, value: value, requirement: "row indices must be in 0..<\(sampleCount)")
            }
            guard Set(rows).count == 3 else {
                throw .invalidData(what: name, value: value,
                                   requirement: "anchor, positive and negative must be three different samples")
            }
        }
    }
}
