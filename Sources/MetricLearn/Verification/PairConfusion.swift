/// How a threshold sorts labelled pairs: a pair is predicted similar when its distance is at most the threshold.
public struct PairConfusion: Sendable, Hashable, Codable {
    /// Similar pairs predicted similar.
    public let truePositives: Int
    /// Dissimilar pairs predicted similar.
    public let falsePositives: Int
    /// Dissimilar pairs predicted dissimilar.
    public let trueNegatives: Int
    /// Similar pairs predicted dissimilar.
    public let falseNegatives: Int

    /// The counts of `distances` labelled by `similar` at `threshold`.
    ///
    /// - Throws: `invalidData` when the counts differ or a distance is not finite; `invalidParameter` for a NaN
    ///   threshold.
    public init(distances: [Double], similar: [Bool], threshold: Double) throws(MetricLearnError) {
        try Validation.require(!threshold.isNaN, "threshold", threshold, "must be a number")
        try Validation.requireData(similar.count == distances.count, "similar", "\(similar.count) labels",
                                   "needs one label per pair (\(distances.count))")
        if let index = distances.firstIndex(where: { !$0.isFinite }) {
            throw .invalidData(what: "distances[\(index)]", value: "\(distances[index])", requirement: "must be finite")
        }
        var counts = (tp: 0, fp: 0, tn: 0, fn: 0)
        for (distance, isSimilar) in zip(distances, similar) {
            switch (distance <= threshold, isSimilar) {
            case (true, true): counts.tp += 1
            case (true, false): counts.fp += 1
            case (false, false): counts.tn += 1
            case (false, true): counts.fn += 1
            }
        }
        truePositives = counts.tp
        falsePositives = counts.fp
        trueNegatives = counts.tn
        falseNegatives = counts.fn
    }

    /// The number of pairs.
    public var pairCount: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// The fraction of pairs predicted right (0 without pairs).
    public var accuracy: Double { Self.ratio(truePositives + trueNegatives, pairCount) }

    /// The fraction of pairs predicted similar that are similar (0 when none is predicted similar).
    public var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }

    /// The fraction of similar pairs predicted similar: recall, the true-positive rate (0 without similar pairs).
    public var truePositiveRate: Double { Self.ratio(truePositives, truePositives + falseNegatives) }

    /// The fraction of dissimilar pairs predicted dissimilar (0 without dissimilar pairs).
    public var trueNegativeRate: Double { Self.ratio(trueNegatives, trueNegatives + falsePositives) }

    /// The F-β score (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP): recall weighs β times as much as precision; 0 when
    /// there is no true positive (scikit-learn's `fbeta_score` with `zero_division=0`).
    public func fScore(beta: Double = 1) -> Double {
        guard truePositives > 0 else { return 0 }
        let squared = beta * beta, truePositives = Double(truePositives)
        return (1 + squared) * truePositives
            / ((1 + squared) * truePositives + squared * Double(falseNegatives) + Double(falsePositives))
    }

    private static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}
