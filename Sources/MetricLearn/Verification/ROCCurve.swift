/// The receiver operating characteristic of a pair verifier: for every threshold t on the distance, the rate of
/// dissimilar pairs accepted (distance ≤ t, false positives) against the rate of similar pairs accepted (true
/// positives).
///
/// The curve has a point at every distinct distance, preceded by (0, 0) at t = −∞ (nothing accepted), as
/// scikit-learn's `roc_curve(y, −distance, drop_intermediate=False)` with its thresholds negated. Area, equal
/// error rate and true-positive rate at a false-positive rate are read from these points; `chart` draws the
/// corners only (the points where the curve turns), which look the same.
public struct ROCCurve: Sendable, Hashable {
    /// The fraction of dissimilar pairs accepted at each threshold, non-decreasing from 0 to 1.
    public let falsePositiveRates: [Double]
    /// The fraction of similar pairs accepted at each threshold, non-decreasing from 0 to 1.
    public let truePositiveRates: [Double]
    /// The distance thresholds, ascending: −∞, then each distinct distance.
    public let thresholds: [Double]
    /// The dissimilar and similar pairs accepted at each threshold (exact, for the corner rule).
    private let falsePositives: [Int], truePositives: [Int]

    /// The curve of `distances` labelled by `similar` (true for a similar pair).
    ///
    /// - Throws: `emptyInput` for no pairs; `invalidData` for a label count that differs from the distance count,
    ///   a non-finite distance, or pairs of one kind only.
    public init(distances: [Double], similar: [Bool]) throws(MetricLearnError) {
        self.init(try PairRanking(distances: distances, similar: similar))
    }

    init(_ ranking: PairRanking) {
        let positives = Double(ranking.positiveCount), negatives = Double(ranking.negativeCount)
        falsePositiveRates = [0] + ranking.falsePositives.map { Double($0) / negatives }
        truePositiveRates = [0] + ranking.truePositives.map { Double($0) / positives }
        thresholds = [-.infinity] + ranking.distances
        falsePositives = [0] + ranking.falsePositives
        truePositives = [0] + ranking.truePositives
    }

    /// The area under the curve by the trapezoidal rule (scikit-learn's `roc_auc_score`): the probability that a
    /// random similar pair is nearer than a random dissimilar one, ties counting one half.
    public var area: Double {
        var sum = 0.0
        for i in 1..<falsePositiveRates.count {
            sum += (falsePositiveRates[i] - falsePositiveRates[i - 1])
                * (truePositiveRates[i] + truePositiveRates[i - 1]) / 2
        }
        return sum
    }

    /// The rate at which the false-positive rate equals the false-negative rate (1 − true-positive rate), on the
    /// straight segments between the curve's points.
    public var equalErrorRate: Double {
        // g = FPR − FNR rises from −1 at (0, 0) to +1 at (1, 1); the crossing is on the first segment that reaches 0.
        var previous = -1.0
        for i in 1..<falsePositiveRates.count {
            let gap = falsePositiveRates[i] + truePositiveRates[i] - 1
            if gap >= 0 {
                let fraction = gap == previous ? 0 : -previous / (gap - previous)
                return falsePositiveRates[i - 1] + fraction * (falsePositiveRates[i] - falsePositiveRates[i - 1])
            }
            previous = gap
        }
        return falsePositiveRates[falsePositiveRates.count - 1]
    }

    /// The largest true-positive rate of a threshold whose false-positive rate is at most `rate` (a rate that
    /// some threshold achieves, not interpolated between thresholds).
    public func truePositiveRate(atFalsePositiveRate rate: Double) -> Double {
        var best = 0.0
        for i in falsePositiveRates.indices where falsePositiveRates[i] <= rate {
            best = max(best, truePositiveRates[i])
        }
        return best
    }

    /// The indices of the points where the curve turns, with its two ends: scikit-learn's `drop_intermediate`
    /// rule (a point is dropped when both counts change by the same amounts before and after it).
    var cornerIndices: [Int] {
        let count = falsePositiveRates.count
        // The first point (−∞) is always kept; the rule runs over the distinct distances as scikit-learn's does.
        guard count > 3 else { return Array(0..<count) }
        var corners = [0, 1]
        for i in 2..<(count - 1) {
            let turnsFalse = falsePositives[i + 1] - 2 * falsePositives[i] + falsePositives[i - 1]
            let turnsTrue = truePositives[i + 1] - 2 * truePositives[i] + truePositives[i - 1]
            if turnsFalse != 0 || turnsTrue != 0 { corners.append(i) }
        }
        corners.append(count - 1)
        return corners
    }
}
