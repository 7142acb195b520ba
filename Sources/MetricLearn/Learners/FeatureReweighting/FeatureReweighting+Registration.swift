extension FeatureReweighting {
    /// `feature-weights`: learns from class labels; its parameters as the command line offers them, with the
    /// method and its own parameters flattened (`method`, then `regularization` for nca, `neighborCount` for
    /// relieff).
    public static let registration = LearnerRegistration(
        FeatureReweighting.self, name: "feature-weights", title: "Feature weights (diagonal NCA or ReliefF)",
        summary: "Learn one non-negative weight per feature (a diagonal metric), by regularised NCA or ReliefF.",
        discussion: "The weights, largest first, are in the model file and in 'metric-learn info'. "
            + "Both methods are scale dependent: standardise the features with --standardize.",
        parameters: [
            LearnerParameter("method", \FeatureReweighting.methodName,
                             summary: "nca: regularised diagonal NCA (iterative); relieff: ReliefF (closed form; each "
                                 + "weight is the square root of its score)."),
            LearnerParameter("regularization", \FeatureReweighting.regularization,
                             summary: "nca only: the penalty λ on ‖w‖²; larger values zero more weights (default: 1/n).",
                             rule: .finiteNonNegative, onlyWhen: ("method", "nca")),
            LearnerParameter("neighborCount", \FeatureReweighting.reliefNeighborCount,
                             summary: "relieff only: nearest hits and misses per class (default: "
                                 + "\(defaultReliefNeighborCount)).",
                             rule: .positiveCount, onlyWhen: ("method", "relieff")),
            .maxIterations(\FeatureReweighting.maxIterations, prefix: "nca only: "),
            .tolerance(\FeatureReweighting.tolerance, prefix: "nca only: "),
            .solver(\FeatureReweighting.solver, prefix: "nca only: "),
            .batchSize(\FeatureReweighting.batchSize, prefix: "nca only: "),
            .epochs(\FeatureReweighting.epochs, prefix: "nca only: "),
            LearnerParameter("seed", \FeatureReweighting.seed,
                             summary: "The seed of the stochastic solver's batches (nca only; relieff does not use it)."),
        ])

    /// The two methods by name, as the parameter table spells them.
    public enum MethodName: String, Sendable, Hashable, CaseIterable, KebabCaseParameterValue {
        /// Regularised diagonal NCA.
        case nca
        /// ReliefF.
        case relieff
    }

    /// The method's name; setting another name switches to that method with its default parameters.
    public var methodName: MethodName {
        get { if case .nca = method { .nca } else { .relieff } }
        set {
            guard newValue != methodName else { return }
            method = newValue == .nca ? .nca() : .reliefF()
        }
    }

    /// `.nca`'s λ (nil: 1/n, and for `.reliefF`); setting it changes only an `.nca` method.
    public var regularization: Double? {
        get { if case let .nca(regularization) = method { regularization } else { nil } }
        set { if case .nca = method { method = .nca(regularization: newValue) } }
    }

    /// `.reliefF`'s neighbour count (nil for `.nca`); setting it changes only a `.reliefF` method (nil: the default).
    public var reliefNeighborCount: Int? {
        get { if case let .reliefF(count) = method { count } else { nil } }
        set { if case .reliefF = method { method = .reliefF(neighborCount: newValue ?? Self.defaultReliefNeighborCount) } }
    }
}

extension LearnerConfiguration {
    /// A feature-reweighting configuration.
    public static func featureReweighting(_ learner: FeatureReweighting) -> LearnerConfiguration {
        LearnerConfiguration(learner)
    }
}
