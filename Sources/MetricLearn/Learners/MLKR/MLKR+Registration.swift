extension MLKR {
    /// `mlkr`: learns from regression targets; its parameters as the command line offers them.
    public static let registration = LearnerRegistration(
        MLKR.self, name: "mlkr", title: "Metric Learning for Kernel Regression",
        summary: "Metric Learning for Kernel Regression: minimise the leave-one-out error of kernel regression "
            + "on numeric targets.",
        discussion: "The label column holds the numeric targets. L-BFGS on metric-learn's objective, divided by the "
            + "targets' total sum of squares. The fit is scale dependent: standardise the features with --standardize.",
        supervision: [.regressionTargets],
        parameters: [
            .componentCount(\MLKR.componentCount),
            LearnerParameter("initialization", \MLKR.initialization,
                             summary: "How the starting L is chosen (auto: PCA or identity by metric-learn's rule; "
                                 + "lda needs class labels; random uses --seed).", rule: Initialization.rule),
            .maxIterations(\MLKR.maxIterations),
            .tolerance(\MLKR.tolerance),
            .solver(\MLKR.solver),
            .batchSize(\MLKR.batchSize),
            .epochs(\MLKR.epochs),
            .seed(\MLKR.seed, of: "random initialization and of the stochastic solver's batches"),
        ])
}

extension LearnerConfiguration {
    /// An MLKR configuration.
    public static func mlkr(_ learner: MLKR) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
