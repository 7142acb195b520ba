/// Any learner's configuration, as stored in a `FitReport` and a model file.
///
/// Encoded as `{"name": "<learner>", "parameters": {…}}`, where the name is the learner's registered
/// command-line name (`whitening`, `nca`, …) and the parameters are the configuration's own encoding.
/// Decoding looks the name up in `LearnerRegistry`, so every registered learner round-trips.
public struct LearnerConfiguration: Sendable, Hashable {
    /// The configuration, ready to fit.
    public let learner: any MetricLearner

    /// Wraps `learner`.
    public init(_ learner: any MetricLearner) {
        self.learner = learner
    }

    /// The learner's registration.
    public var registration: LearnerRegistration { type(of: learner).registration }

    /// The learner's command-line name.
    public var name: String { registration.name }

    /// Whether the learned distances do not depend on the units of the features.
    public var isScaleInvariant: Bool { learner.isScaleInvariant }

    /// Equal when both wrap equal configurations of the same learner.
    public static func == (lhs: LearnerConfiguration, rhs: LearnerConfiguration) -> Bool {
        AnyHashable(lhs.learner) == AnyHashable(rhs.learner)
    }

    /// Hashes the wrapped configuration.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(AnyHashable(learner))
    }
}

extension LearnerConfiguration: Codable {
    private enum CodingKeys: String, CodingKey { case name, parameters }

    /// Decodes a learner by its registered name; an unknown name is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        guard let registration = LearnerRegistry.registration(named: name) else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container,
                                                   debugDescription: "unknown learner '\(name)'")
        }
        learner = try container.decode(registration.learnerType, forKey: .parameters)
    }

    /// Encodes the learner's name and its parameters.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(learner, forKey: .parameters)
    }
}
