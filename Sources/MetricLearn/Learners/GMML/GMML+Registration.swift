extension GMML {
    /// `gmml`: learns from given pairs or from class labels (sampling pairs); its parameters as the command line
    /// offers them.
    public static let registration = LearnerRegistration(
        GMML.self, name: "gmml", title: "Geometric Mean Metric Learning",
        summary: "Geometric mean metric learning: the closed-form point on the geodesic between the inverse "
            + "similar-pair scatter and the dissimilar-pair scatter.",
        discussion: "Learns from --pairs (similar and dissimilar pairs of rows) or samples pairs from the labels with "
            + "--seed. Two eigendecompositions, no iterations. Collinear or constant columns are fitted in the "
            + "span of the pairs' differences; when dissimilar pairs differ along a direction no similar pair "
            + "does (too few similar pairs), a small --regularization is needed.",
        supervision: [.pairs, .classLabels],
        parameters: [
            LearnerParameter("geodesicStep", \GMML.geodesicStep,
                             summary: "t in [0, 1]: the point on the geodesic from the inverse similar scatter (0) to "
                                 + "the dissimilar scatter (1).",
                             rule: .fraction(includingZero: true, includingOne: true)),
            LearnerParameter("regularization", \GMML.regularization,
                             summary: "λ ≥ 0: the pull towards the prior (the identity); 0 for none.",
                             rule: .finiteNonNegative),
            LearnerParameter("constraintCount", \GMML.constraintCount,
                             summary: "Similar pairs, and as many dissimilar pairs, to sample from the labels "
                                 + "(default: 20·c² for c classes).", rule: .positiveCount),
            .seed(\GMML.seed, of: "the pair sampling"),
        ])
}

extension LearnerConfiguration {
    /// A GMML configuration.
    public static func gmml(_ learner: GMML) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
