extension ITML {
    /// `itml`: learns from class labels (sampling pairs) or from given pairs; its parameters as the command line
    /// offers them.
    public static let registration = LearnerRegistration(
        ITML.self, name: "itml", title: "Information-Theoretic Metric Learning",
        summary: "Information-theoretic metric learning: the metric closest to a prior that keeps similar pairs near "
            + "and dissimilar pairs far.",
        discussion: "Learns from --pairs (similar and dissimilar pairs of rows) or samples pairs from the labels with "
            + "--seed; each sweep projects onto every pair constraint in turn (Bregman projections), so M stays "
            + "positive definite.",
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

extension ITML.Prior: NamedOrGivenMetric {
    /// The given matrix of `.matrix`, nil for the named ones.
    public var givenMatrix: Matrix? {
        guard case let .matrix(m) = self else { return nil }
        return m
    }
}

extension ITML.Bounds: ParameterValue {
    /// Given bounds are finite with 0 < lower ≤ upper.
    static let rule = ParameterRule.values(of: ITML.Bounds.self) { bounds in
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
