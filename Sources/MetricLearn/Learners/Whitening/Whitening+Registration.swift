extension Whitening {
    /// `whitening`: learns from class labels (only `.withinClass` uses them); its parameters as the command line
    /// offers them.
    public static let registration = LearnerRegistration(
        Whitening.self, name: "whitening", title: "Mahalanobis whitening",
        summary: "Mahalanobis whitening: the metric of the inverse (shrunk) covariance.",
        discussion: "Closed form (one eigendecomposition); directions without variance are dropped, not inverted.",
        parameters: [
            LearnerParameter("mode", \Whitening.mode,
                             summary: "Which covariance to invert: of all samples, or pooled within classes."),
            LearnerParameter("shrinkage", \Whitening.shrinkage,
                             summary: "Shrinkage towards a scaled identity: cross-validated (of 0, 0.25, 0.5, 0.75 "
                                 + "and 1, the coefficient under which held-out rows' nearest neighbours best share "
                                 + "their class), none, ledoit-wolf, or a coefficient in [0, 1].",
                             rule: Whitening.Shrinkage.rule,
                             valueName: "cross-validated|none|ledoit-wolf|λ"),
            LearnerParameter("componentCount", \Whitening.componentCount,
                             summary: "Keep only this many leading components (default: every non-degenerate one).",
                             rule: .componentCount),
            LearnerParameter("relativeTolerance", \Whitening.relativeTolerance,
                             summary: "Eigenvalues at or below this fraction of the largest count as zero.",
                             rule: .fraction(includingZero: true, includingOne: false)),
        ])
}

extension Whitening.Shrinkage: ParameterValue {
    /// A fixed coefficient is a fraction in [0, 1].
    static let rule = ParameterRule.values(of: Whitening.Shrinkage.self) { shrinkage in
        guard case let .fixed(coefficient) = shrinkage else { return nil }
        return ParameterRule.fractionViolation(coefficient, includingZero: true, includingOne: true)
    }

    /// `none`, `ledoit-wolf`, `cross-validated`, or a coefficient (`0.1`).
    public init?(parameterText text: String) {
        switch text {
        case "none": self = .none
        case "ledoit-wolf": self = .ledoitWolf
        case "cross-validated": self = .crossValidated
        default:
            guard let coefficient = Double(text) else { return nil }
            self = .fixed(coefficient)
        }
    }

    /// `none`, `ledoit-wolf`, `cross-validated` or the coefficient.
    public var parameterText: String {
        switch self {
        case .none: "none"
        case .ledoitWolf: "ledoit-wolf"
        case .crossValidated: "cross-validated"
        case let .fixed(coefficient): coefficient.parameterText
        }
    }
}

extension LearnerConfiguration {
    /// A whitening configuration.
    public static func whitening(_ learner: Whitening) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
