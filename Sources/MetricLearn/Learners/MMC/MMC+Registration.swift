extension MMC {
    /// `mmc`: learns from given pairs or from class labels (sampling pairs); its parameters as the command line
    /// offers them.
    public static let registration = LearnerRegistration(
        MMC.self, name: "mmc", title: "Mahalanobis Metric for Clustering",
        summary: "Mahalanobis metric for clustering: spread dissimilar pairs apart while similar pairs stay close.",
        discussion: "Learns from --pairs (similar and dissimilar pairs of rows) or samples pairs from the labels with "
            + "--seed. The full solver projects onto the PSD cone (an eigendecomposition per projection, O(d³)); "
            + "--shape diagonal learns a weight per feature by Newton steps. The fit is scale dependent: "
            + "standardise the features with --standardize.",
        supervision: [.pairs, .classLabels],
        parameters: [
            LearnerParameter("shape", \MMC.shape,
                             summary: "full (a d×d matrix) or diagonal (a weight per feature)."),
            LearnerParameter("initialization", \MMC.initialization,
                             summary: "The starting metric, which also sets the bound on the similar pairs: identity "
                                 + "or covariance (the pseudo-inverse of the data covariance).",
                             rule: MMC.Initialization.rule),
            LearnerParameter("maxIterations", \MMC.maxIterations, summary: "The most cycles (full) or Newton steps "
                                 + "(diagonal).", rule: IterativeFit.maxIterationsRule),
            LearnerParameter("maxProjections", \MMC.maxProjections,
                             summary: "The most positive semidefinite projections per cycle (full; the diagonal solver has "
                                 + "none).", rule: .positiveCount),
            LearnerParameter("tolerance", \MMC.tolerance,
                             summary: "Stop when the step relative to the metric (full), or the relative change of "
                                 + "the objective (diagonal), falls below this.", rule: IterativeFit.toleranceRule),
            LearnerParameter("dissimilarityWeight", \MMC.dissimilarityWeight,
                             summary: "C, the weight of the dissimilar pairs' term (diagonal; default: 1).",
                             rule: .positiveFinite, onlyWhen: (parameter: "shape", value: "diagonal")),
            LearnerParameter("constraintCount", \MMC.constraintCount,
                             summary: "Similar pairs, and as many dissimilar pairs, to sample from the labels "
                                 + "(default: 20·c² for c classes).", rule: .positiveCount),
            .seed(\MMC.seed, of: "the pair sampling"),
        ])
}

extension MMC.Initialization: NamedOrGivenMetric {
    /// The given matrix of `.matrix`, nil for the named ones.
    public var givenMatrix: Matrix? {
        guard case let .matrix(m) = self else { return nil }
        return m
    }
}

extension LearnerConfiguration {
    /// An MMC configuration.
    public static func mmc(_ learner: MMC) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
