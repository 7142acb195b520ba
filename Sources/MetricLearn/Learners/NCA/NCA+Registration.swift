extension NCA {
    /// `nca`: learns from class labels; its parameters as the command line offers them.
    public static let registration = LearnerRegistration(
        NCA.self, name: "nca", title: "Neighbourhood Components Analysis",
        summary: "Neighbourhood Components Analysis: maximise the leave-one-out accuracy of a soft nearest-neighbour rule.",
        discussion: "L-BFGS with scikit-learn's parameters and stopping rule. The fit is scale dependent: "
            + "standardise the features with --standardize.",
        parameters: [
            LearnerParameter("componentCount", \NCA.componentCount,
                             summary: "The output dimension k (default: the number of features).", rule: .componentCount),
            LearnerParameter("initialization", \NCA.initialization,
                             summary: "How the starting L is chosen (auto: LDA, PCA or identity by scikit-learn's rule; "
                                 + "random uses --seed).", rule: Initialization.rule),
            LearnerParameter("maxIterations", \NCA.maxIterations, summary: "The most L-BFGS iterations.",
                             rule: IterativeFit.maxIterationsRule),
            LearnerParameter("tolerance", \NCA.tolerance,
                             summary: "Stop when the largest gradient entry or the relative decrease of the objective "
                                 + "falls to this.", rule: IterativeFit.toleranceRule),
            LearnerParameter("seed", \NCA.seed, summary: "The seed of random initialization."),
        ])
}

extension LearnerConfiguration {
    /// An NCA configuration.
    public static func nca(_ learner: NCA) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
