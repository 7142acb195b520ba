/// How a pair verifier's distance threshold is chosen from labelled validation pairs: metric-learn's
/// `calibrate_threshold` strategies, with its semantics (see <doc:PairVerification>).
///
/// A pair is predicted similar when its distance is at most the threshold.
public enum CalibrationStrategy: Sendable, Hashable {
    /// The threshold of highest accuracy; among equally accurate ones, the smallest. Rejecting every pair is a
    /// candidate, at the smallest distance − 1.
    case accuracy
    /// The threshold of highest F-β score (β ≥ 0: recall counts β times as much as precision); among equal
    /// scores, the largest.
    case fBeta(Double)
    /// The threshold of highest true-positive rate among those whose true-negative rate is at least the given
    /// rate (in [0, 1]); among equal rates, the smallest. −∞ (reject every pair) when only that qualifies.
    case maxTruePositiveRate(minimumTrueNegativeRate: Double)
    /// The threshold of highest true-negative rate among those whose true-positive rate is at least the given
    /// rate (in [0, 1]); among equal rates, the smallest (−∞ when rejecting every pair qualifies).
    case maxTrueNegativeRate(minimumTruePositiveRate: Double)

    /// The strategy's name as the command line and model files spell it: `accuracy`, `f-beta`, `max-tpr` or
    /// `max-tnr`.
    public var name: String {
        switch self {
        case .accuracy: "accuracy"
        case .fBeta: "f-beta"
        case .maxTruePositiveRate: "max-tpr"
        case .maxTrueNegativeRate: "max-tnr"
        }
    }

    /// Checks the strategy's parameter: β finite and non-negative, a minimum rate in [0, 1].
    ///
    /// - Throws: `invalidParameter` named `beta` or `minRate`.
    public func validate() throws(MetricLearnError) {
        switch self {
        case .accuracy:
            return
        case let .fBeta(beta):
            try Validation.require(beta >= 0 && beta.isFinite, "beta", beta, "must be finite and non-negative")
        case let .maxTruePositiveRate(rate), let .maxTrueNegativeRate(rate):
            try Validation.require(rate >= 0 && rate <= 1, "minRate", rate, "must be in [0, 1]")
        }
    }

    /// The threshold this strategy picks for `distances` labelled by `similar` (true for a similar pair).
    ///
    /// The result equals metric-learn 0.7's `calibrate_threshold` given the scores −distance whenever the
    /// distances are distinct. With tied distances, `accuracy` here counts only cuts between distinct distances
    /// (metric-learn also scores cuts inside a tie, which no threshold can make).
    /// - Throws: the errors of `validate()`; `emptyInput` for no pairs; `invalidData` for a label count that
    ///   differs from the distance count, a non-finite distance or pairs of one kind only.
    public func threshold(distances: [Double], similar: [Bool]) throws(MetricLearnError) -> Double {
        try validate()
        return threshold(for: try PairRanking(distances: distances, similar: similar))
    }

    func threshold(for ranking: PairRanking) -> Double {
        switch self {
        case .accuracy:
            // Accepting nothing is right for every dissimilar pair; each distinct distance then accepts more.
            var best = ranking.negativeCount, threshold = ranking.distances[0] - 1
            for g in ranking.distances.indices {
                let correct = ranking.truePositives[g] + ranking.negativeCount - ranking.falsePositives[g]
                if correct > best { (best, threshold) = (correct, ranking.distances[g]) }
            }
            return threshold
        case let .fBeta(beta):
            // scikit-learn's precision_recall_curve lists the thresholds from the largest distance down, and
            // argmax keeps the first maximum; the same arithmetic gives the same ties.
            let squared = beta * beta, positives = Double(ranking.positiveCount)
            var best = -Double.infinity, threshold = ranking.distances[ranking.distances.count - 1]
            for g in ranking.distances.indices.reversed() {
                let truePositives = Double(ranking.truePositives[g])
                let precision = truePositives / (truePositives + Double(ranking.falsePositives[g]))
                let recall = truePositives / positives
                var score = (1 + squared) * (precision * recall) / (squared * precision + recall)
                if score.isNaN { score = 0 }
                if score > best { (best, threshold) = (score, ranking.distances[g]) }
            }
            return threshold
        case let .maxTruePositiveRate(minimumTrueNegativeRate):
            return ROCCurve(ranking).bestThreshold(
                maximizing: { $0.truePositiveRate }, where: { 1 - $0.falsePositiveRate >= minimumTrueNegativeRate })
        case let .maxTrueNegativeRate(minimumTruePositiveRate):
            return ROCCurve(ranking).bestThreshold(
                maximizing: { 1 - $0.falsePositiveRate }, where: { $0.truePositiveRate >= minimumTruePositiveRate })
        }
    }
}

extension ROCCurve {
    /// One point of the curve, for the calibration rules.
    fileprivate struct Point {
        let falsePositiveRate: Double
        let truePositiveRate: Double
    }

    /// The threshold of the first corner (scikit-learn's `roc_curve` points, from −∞ up) that maximises
    /// `objective` among those that satisfy `condition`. The point at −∞ satisfies every condition the
    /// strategies pose when their minimum rate is 0; the last point (accept all) has both rates 1.
    fileprivate func bestThreshold(maximizing objective: (Point) -> Double, where condition: (Point) -> Bool) -> Double {
        var best = -Double.infinity, threshold = thresholds[thresholds.count - 1]
        for i in cornerIndices {
            let point = Point(falsePositiveRate: falsePositiveRates[i], truePositiveRate: truePositiveRates[i])
            guard condition(point) else { continue }
            let value = objective(point)
            if value > best { (best, threshold) = (value, thresholds[i]) }
        }
        return threshold
    }
}

/// Encoded flat, as model files store it: `{"strategy": "accuracy"}`, `{"strategy": "f-beta", "beta": 1}`,
/// `{"strategy": "max-tpr", "minRate": 0.9}` or `{"strategy": "max-tnr", "minRate": 0.9}`.
extension CalibrationStrategy: Codable {
    private enum CodingKeys: String, CodingKey { case strategy, beta, minRate }

    /// Decodes a strategy by name, with its parameter; an unknown name or a bad parameter is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .strategy)
        switch name {
        case "accuracy": self = .accuracy
        case "f-beta": self = .fBeta(try container.decode(Double.self, forKey: .beta))
        case "max-tpr": self = .maxTruePositiveRate(minimumTrueNegativeRate: try container.decode(Double.self, forKey: .minRate))
        case "max-tnr": self = .maxTrueNegativeRate(minimumTruePositiveRate: try container.decode(Double.self, forKey: .minRate))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .strategy, in: container,
                debugDescription: "unknown strategy '\(name)' (accuracy, f-beta, max-tpr or max-tnr)")
        }
        do { try validate() } catch {
            throw DecodingError.dataCorruptedError(forKey: .strategy, in: container, debugDescription: "\(error)")
        }
    }

    /// Encodes the name and the strategy's parameter.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .strategy)
        switch self {
        case .accuracy: break
        case let .fBeta(beta): try container.encode(beta, forKey: .beta)
        case let .maxTruePositiveRate(rate), let .maxTrueNegativeRate(rate): try container.encode(rate, forKey: .minRate)
        }
    }
}
