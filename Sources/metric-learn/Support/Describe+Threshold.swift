import MetricLearn

extension Describe {
    /// `0.8312 (calibrated on 240 pairs, 120 similar, by accuracy)`, `0.8312 (set by hand)`; −∞ is
    /// `-inf, rejecting every pair`.
    static func threshold(_ threshold: PairThreshold) -> String {
        let distance = threshold.distance == -.infinity ? "-inf, rejecting every pair" : Format.number(threshold.distance)
        guard let calibration = threshold.calibration else { return "\(distance) (set by hand)" }
        return "\(distance) (calibrated on \(calibration.pairCount) pairs, \(calibration.similarPairCount) similar, "
            + "by \(strategy(calibration.strategy)))"
    }

    /// `accuracy`, `f-beta, β = 0.5`, `max-tpr, true-negative rate ≥ 0.9`, `max-tnr, true-positive rate ≥ 0.9`.
    static func strategy(_ strategy: CalibrationStrategy) -> String {
        switch strategy {
        case .accuracy: "accuracy"
        case let .fBeta(beta): "f-beta, β = \(Format.number(beta))"
        case let .maxTruePositiveRate(rate): "max-tpr, true-negative rate ≥ \(Format.number(rate))"
        case let .maxTrueNegativeRate(rate): "max-tnr, true-positive rate ≥ \(Format.number(rate))"
        }
    }
}
