extension ITML {
    /// `itml`: learns from class labels (sampling pairs) or from given pairs; its parameters as the command line
    /// offers them.
    public static let registration = LearnerRegistration(
        ITML.self, name: "itml", title: "Information-Theoretic Metric Learning",
        summary: "Information-theoretic metric learning: the metric closest to a prior that keeps same-class pairs "
            + "near and other pairs far.",
        discussion: "Pairs are sampled from the labels with --seed; each sweep projects onto every pair constraint "
            + "in turn (Bregman projections), so M stays positive definite.",
        supervision: [.classLabels, .pairs],
        parameters: [
            LearnerParameter("prior", \ITML.prior,
                             summary: "The metric to stay close to: identity (Euclidean) or covariance (its inverse, "
                                 + "Mahalanobis).", rule: ITML.Prior.rule),
            LearnerParameter("bounds", \ITML.bounds,
                             summary: "Squared-distance thresholds for similar and dissimilar pairs: automatic (5th and "
                                 + "95th percentiles of the prior distances) or lower,upper.",
                             rule: ITML.Bounds.rule, valueName: "automatic|lower,upper"),
            LearnerParameter("slack", \ITML.slack,
                             summary: "γ, the weight of the slack: larger values enforce the constraints more strictly.",
                             rule: .positiveFinite),
            LearnerParameter("constraintCount", \ITML.constraintCount,
                             summary: "Similar pairs, and as many dissimilar pairs, to sample (default: 20·c² for c "
                                 + "classes).", rule: .positiveCount),
            LearnerParameter("maxIterations", \ITML.maxIterations, summary: "The most sweeps through all constraints.",
                             rule: IterativeFit.maxIterationsRule),
            LearnerParameter("tolerance", \ITML.tolerance,
                             summary: "Stop when the relative change of the dual variables between sweeps falls below "
                                 + "this.", rule: IterativeFit.toleranceRule),
            .seed(\ITML.seed, of: "the pair sampling"),
        ])
}

extension ITML.Prior: ParameterValue {
    /// A given matrix is features × features, finite and symmetric (its positive definiteness is checked when fitting).
    static let rule = ParameterRule.values(of: ITML.Prior.self) { prior, featureCount in
        guard case let .matrix(m) = prior else { return nil }
        guard m.rowCount == featureCount && m.columnCount == featureCount else {
            return "must be \(featureCount)×\(featureCount) (features × features), not \(m.rowCount)×\(m.columnCount)"
        }
        return m.isFinite && m.isSymmetric(tolerance: 1e-10) ? nil : "must be finite and symmetric"
    }

    /// `identity` or `covariance` (a given matrix has no text).
    public init?(parameterText text: String) {
        switch text {
        case "identity": self = .identity
        case "covariance": self = .covariance
        default: return nil
        }
    }

    /// `identity`, `covariance`, or `matrix` for a given matrix.
    public var parameterText: String {
        switch self {
        case .identity: "identity"
        case .covariance: "covariance"
        case .matrix: "matrix"
        }
    }

    /// The named priors.
    public static var parameterChoices: [String]? { ["identity", "covariance"] }
}

extension ITML.Bounds: ParameterValue {
    /// Given bounds are finite with 0 < lower ≤ upper.
    static let rule = ParameterRule.values(of: ITML.Bounds.self) { bounds, _ in
        guard case let .given(lower, upper) = bounds else { return nil }
        return lower > 0 && lower.isFinite && upper.isFinite && lower <= upper
            ? nil : "must be finite with 0 < lower ≤ upper"
    }

    /// `automatic`, or `lower,upper` (`0.5,2`).
    public init?(parameterText text: String) {
        if text == "automatic" {
            self = .automatic
            return
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Double(parts[0]), let upper = Double(parts[1]) else { return nil }
        self = .given(lower: lower, upper: upper)
    }

    /// `automatic` or `lower,upper`.
    public var parameterText: String {
        switch self {
        case .automatic: "automatic"
        case let .given(lower, upper): "\(lower),\(upper)"
        }
    }
}

extension LearnerConfiguration {
    /// An ITML configuration.
    public static func itml(_ learner: ITML) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
