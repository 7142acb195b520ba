extension NCA {
    /// `nca`: learns from class labels; its parameters as the command line offers them.
    public static let registration = LearnerRegistration(
        NCA.self, name: "nca", title: "Neighbourhood Components Analysis",
        summary: "Neighbourhood Components Analysis: maximise the leave-one-out accuracy of a soft nearest-neighbour rule.",
        discussion: "L-BFGS with scikit-learn's parameters and stopping rule. The fit is scale dependent: "
            + "standardise the features with --standardize.",
        parameters: [
            .componentCount(\NCA.componentCount),
            LearnerParameter("initialization", \NCA.initialization,
                             summary: "How the starting L is chosen (auto: LDA, PCA or identity by scikit-learn's rule; "
                                 + "random uses --seed).", rule: Initialization.rule),
            .maxIterations(\NCA.maxIterations),
            .tolerance(\NCA.tolerance),
            .solver(\NCA.solver),
            .batchSize(\NCA.batchSize),
            .epochs(\NCA.epochs),
            .seed(\NCA.seed, of: "random initialization and of the stochastic solver's batches"),
        ])
}

extension LearnerConfiguration {
    /// An NCA configuration.
    public static func nca(_ learner: NCA) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
