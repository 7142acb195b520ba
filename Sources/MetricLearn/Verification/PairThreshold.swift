/// The distance at which a pair verifier says "similar" (distance ≤ threshold), with how it was chosen. Model
/// files store it (`ModelFile.pairThreshold`).
///
/// Encoded as `{"distance": 0.83, "calibration": {"strategy": "accuracy", "pairCount": 240,
/// "similarPairCount": 120}}` (no `calibration` for a threshold set by hand). A threshold that rejects every
/// pair is −∞, written `"-Infinity"` in model files.
public struct PairThreshold: Sendable, Hashable {
    /// Where and how a threshold was calibrated.
    public struct Calibration: Sendable, Hashable {
        /// The strategy.
        public let strategy: CalibrationStrategy
        /// The labelled pairs it was calibrated on.
        public let pairCount: Int
        /// How many of them were similar.
        public let similarPairCount: Int
    }

    /// Pairs at this distance or nearer are predicted similar; never NaN.
    public let distance: Double
    /// How the distance was chosen; nil when it was set by hand.
    public let calibration: Calibration?

    /// A threshold set by hand.
    ///
    /// - Throws: `invalidParameter` (named `threshold`) for NaN.
    public init(distance: Double) throws(MetricLearnError) {
        try Validation.require(!distance.isNaN, "threshold", distance, "must be a number")
        self.init(distance: distance, calibration: nil)
    }

    /// The threshold `strategy` picks for `distances` labelled by `similar` (`CalibrationStrategy.threshold`).
    ///
    /// - Throws: the errors of `CalibrationStrategy.threshold(distances:similar:)`.
    public init(calibrating strategy: CalibrationStrategy, distances: [Double], similar: [Bool])
        throws(MetricLearnError) {
        try strategy.validate()
        let ranking = try PairRanking(distances: distances, similar: similar)
        self.init(distance: strategy.threshold(for: ranking),
                  calibration: Calibration(strategy: strategy, pairCount: ranking.pairCount,
                                           similarPairCount: ranking.positiveCount))
    }

    private init(distance: Double, calibration: Calibration?) {
        self.distance = distance
        self.calibration = calibration
    }

    /// Whether a pair at `distance` is predicted similar.
    public func accepts(_ distance: Double) -> Bool { distance <= self.distance }
}

extension PairThreshold: Codable {
    private enum CodingKeys: String, CodingKey { case distance, calibration }

    /// Decodes a threshold; NaN is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let distance = try container.decode(Double.self, forKey: .distance)
        guard !distance.isNaN else {
            throw DecodingError.dataCorruptedError(forKey: .distance, in: container, debugDescription: "must be a number")
        }
        self.init(distance: distance, calibration: try container.decodeIfPresent(Calibration.self, forKey: .calibration))
    }

    /// Encodes the distance and, when calibrated, the calibration.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(distance, forKey: .distance)
        try container.encodeIfPresent(calibration, forKey: .calibration)
    }
}

/// Encoded as the strategy's keys with the pair counts beside them: `{"strategy": "f-beta", "beta": 1,
/// "pairCount": 240, "similarPairCount": 120}`.
extension PairThreshold.Calibration: Codable {
    private enum CodingKeys: String, CodingKey { case pairCount, similarPairCount }

    /// Decodes a calibration; counts that do not include both kinds of pair are a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        strategy = try CalibrationStrategy(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pairCount = try container.decode(Int.self, forKey: .pairCount)
        similarPairCount = try container.decode(Int.self, forKey: .similarPairCount)
        guard similarPairCount >= 1 && similarPairCount < pairCount else {
            throw DecodingError.dataCorruptedError(
                forKey: .similarPairCount, in: container,
                debugDescription: "\(similarPairCount) similar of \(pairCount) pairs: a calibration needs both kinds")
        }
    }

    /// Encodes the strategy and the counts.
    public func encode(to encoder: any Encoder) throws {
        try strategy.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pairCount, forKey: .pairCount)
        try container.encode(similarPairCount, forKey: .similarPairCount)
    }
}
