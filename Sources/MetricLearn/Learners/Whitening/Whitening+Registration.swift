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
                             summary: "Shrinkage towards a scaled identity: none, ledoit-wolf, or a coefficient in "
                                 + "[0, 1].", rule: Whitening.Shrinkage.rule, valueName: "none|ledoit-wolf|λ"),
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
    static let rule = ParameterRule.values(of: Whitening.Shrinkage.self) { shrinkage, _ in
        guard case let .fixed(coefficient) = shrinkage else { return nil }
        return ParameterRule.fractionViolation(coefficient, includingZero: true, includingOne: true)
    }

    /// `none`, `ledoit-wolf`, or a coefficient (`0.1`).
    public init?(parameterText text: String) {
        switch text {
        case "none": self = .none
        case "ledoit-wolf": self = .ledoitWolf
        default:
            guard let coefficient = Double(text) else { return nil }
            self = .fixed(coefficient)
        }
    }

    /// `none`, `ledoit-wolf` or the coefficient.
    public var parameterText: String {
        switch self {
        case .none: "none"
        case .ledoitWolf: "ledoit-wolf"
        case let .fixed(coefficient): coefficient.parameterText
        }
    }
}

extension LearnerConfiguration {
    /// A whitening configuration.
    public static func whitening(_ learner: Whitening) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
