/// How well distances tell similar pairs from dissimilar ones: the threshold-free measures (ROC curve and its
/// area, equal error rate, true-positive rates at fixed false-positive rates, average precision) and, given a
/// threshold, accuracy and F1 at it. What `metric-learn evaluate-pairs` prints.
///
/// ```swift
/// let distances = try metric.pairDistances(x, pairs: pairs)
/// let report = try PairVerificationReport(distances: distances, similar: similar, threshold: 0.8)
/// print(report.rocAuc, report.equalErrorRate, report.accuracy ?? .nan)
/// ```
public struct PairVerificationReport: Sendable, Hashable {
    /// A true-positive rate reached at a false-positive rate.
    public struct OperatingPoint: Sendable, Hashable {
        /// The largest false-positive rate allowed.
        public let falsePositiveRate: Double
        /// The largest true-positive rate of a threshold within it (`ROCCurve.truePositiveRate(atFalsePositiveRate:)`).
        public let truePositiveRate: Double
    }

    /// The false-positive rates `init` reports true-positive rates at by default: 10⁻² and 10⁻³.
    public static let defaultFalsePositiveRates = [1e-2, 1e-3]

    /// The number of pairs.
    public let pairCount: Int
    /// The number of similar pairs.
    public let similarPairCount: Int
    /// The ROC curve.
    public let rocCurve: ROCCurve
    /// The area under the ROC curve.
    public let rocAuc: Double
    /// The equal error rate (`ROCCurve.equalErrorRate`).
    public let equalErrorRate: Double
    /// Average precision, Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the distinct distances from the nearest (scikit-learn's
    /// `average_precision_score`, no interpolation).
    public let averagePrecision: Double
    /// The true-positive rate at each requested false-positive rate, in the order requested.
    public let operatingPoints: [OperatingPoint]
    /// The threshold the counts are taken at, if one was given.
    public let threshold: Double?
    /// The counts at `threshold`.
    public let confusion: PairConfusion?

    /// Measures `distances` labelled by `similar` (true for a similar pair), with accuracy and F1 at `threshold`
    /// when given, and true-positive rates at each of `falsePositiveRates`.
    ///
    /// - Throws: `emptyInput` for no pairs; `invalidData` for a label count that differs from the distance count,
    ///   a non-finite distance, or pairs of one kind only; `invalidParameter` for a NaN threshold or a
    ///   false-positive rate outside [0, 1].
    public init(distances: [Double], similar: [Bool], threshold: Double? = nil,
                falsePositiveRates: [Double] = defaultFalsePositiveRates) throws(MetricLearnError) {
        if let bad = falsePositiveRates.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .invalidParameter(name: "falsePositiveRates", value: "\(bad)", requirement: "must be in [0, 1]")
        }
        let ranking = try PairRanking(distances: distances, similar: similar)
        let curve = ROCCurve(ranking)
        pairCount = ranking.pairCount
        similarPairCount = ranking.positiveCount
        rocCurve = curve
        rocAuc = curve.area
        equalErrorRate = curve.equalErrorRate
        averagePrecision = Self.averagePrecision(ranking)
        operatingPoints = falsePositiveRates.map {
            OperatingPoint(falsePositiveRate: $0, truePositiveRate: curve.truePositiveRate(atFalsePositiveRate: $0))
        }
        self.threshold = threshold
        confusion = try threshold.map { threshold throws(MetricLearnError) in
            try PairConfusion(distances: distances, similar: similar, threshold: threshold)
        }
    }

    /// The accuracy at `threshold` (nil without one).
    public var accuracy: Double? { confusion?.accuracy }

    /// F1 at `threshold` (nil without one).
    public var f1: Double? { confusion?.fScore() }

    /// Σ (Rₖ − Rₖ₋₁)·Pₖ, from the nearest distance out, with R₀ = 0.
    private static func averagePrecision(_ ranking: PairRanking) -> Double {
        let positives = Double(ranking.positiveCount)
        var sum = 0.0, previousRecall = 0.0
        for g in ranking.distances.indices {
            let truePositives = Double(ranking.truePositives[g])
            let recall = truePositives / positives
            sum += (recall - previousRecall) * (truePositives / (truePositives + Double(ranking.falsePositives[g])))
            previousRecall = recall
        }
        return sum
    }
}
