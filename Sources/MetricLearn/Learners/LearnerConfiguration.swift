/// Any learner's configuration, as stored in a `FitReport` and a model file.
///
/// Encoded as `{"name": "<learner>", "parameters": {…}}`, where the name is the one the
/// command-line tool uses (`whitening`, `nca`, `lmnn`, `itml`, `feature-weights`).
public enum LearnerConfiguration: Sendable, Hashable {
    /// Mahalanobis whitening (`whitening`).
    case whitening(Whitening)
    /// Neighbourhood Components Analysis (`nca`).
    case nca(NCA)
    /// One weight per feature (`feature-weights`).
    case featureReweighting(FeatureReweighting)
    /// Large margin nearest neighbour (`lmnn`).
    case lmnn(LMNN)
    /// Information-theoretic metric learning (`itml`).
    case itml(ITML)

    /// The learner's command-line name.
    public var name: String {
        switch self {
        case .whitening: "whitening"
        case .nca: "nca"
        case .featureReweighting: "feature-weights"
        case .lmnn: "lmnn"
        case .itml: "itml"
        }
    }

    /// The configuration as a `MetricLearner`, ready to fit again.
    public var learner: any MetricLearner {
        switch self {
        case let .whitening(learner): learner
        case let .nca(learner): learner
        case let .featureReweighting(learner): learner
        case let .lmnn(learner): learner
        case let .itml(learner): learner
        }
    }
}

extension LearnerConfiguration: Codable {
    private enum CodingKeys: String, CodingKey { case name, parameters }

    /// Decodes a learner by name; an unknown name is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        switch name {
        case "whitening": self = .whitening(try container.decode(Whitening.self, forKey: .parameters))
        case "nca": self = .nca(try container.decode(NCA.self, forKey: .parameters))
        case "feature-weights":
            self = .featureReweighting(try container.decode(FeatureReweighting.self, forKey: .parameters))
        case "lmnn": self = .lmnn(try container.decode(LMNN.self, forKey: .parameters))
        case "itml": self = .itml(try container.decode(ITML.self, forKey: .parameters))
        default:
            throw DecodingError.dataCorruptedError(forKey: .name, in: container,
                                                   debugDescription: "unknown learner '\(name)'")
        }
    }

    /// Encodes the learner's name and its parameters.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        switch self {
        case let .whitening(learner): try container.encode(learner, forKey: .parameters)
        case let .nca(learner): try container.encode(learner, forKey: .parameters)
        case let .featureReweighting(learner): try container.encode(learner, forKey: .parameters)
        case let .lmnn(learner): try container.encode(learner, forKey: .parameters)
        case let .itml(learner): try container.encode(learner, forKey: .parameters)
        }
    }
}
