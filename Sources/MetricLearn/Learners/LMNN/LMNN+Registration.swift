extension LMNN {
    /// `lmnn`: learns from class labels or from triplets; its parameters as the command line offers them.
    public static let registration = LearnerRegistration(
        LMNN.self, name: "lmnn", title: "Large Margin Nearest Neighbour",
        summary: "Large margin nearest neighbour: pull each sample's target neighbours close, push other classes a "
            + "margin away.",
        discussion: "L-BFGS on L (stochastic Adam on mini-batches above \(Solver.automaticSampleCount) samples), so a "
            + "low-rank --component-count works. Every class needs more samples than "
            + "--neighbor-count. With --triplets (anchor, positive, negative rows) the positives are the target "
            + "neighbours and the negatives the impostors. The fit is scale dependent: standardise the features with "
            + "--standardize.",
        supervision: [.classLabels, .triplets],
        parameters: [
            LearnerParameter("neighborCount", \LMNN.neighborCount,
                             summary: "Target neighbours per sample (same-class samples pulled close; not used with "
                                 + "--triplets).", rule: .positiveCount),
            LearnerParameter("pushWeight", \LMNN.pushWeight,
                             summary: "μ in (0, 1]: the weight of the push (impostor) term; the pull term has weight "
                                 + "1 − μ.", rule: .fraction(includingZero: false, includingOne: true)),
            .componentCount(\LMNN.componentCount),
            LearnerParameter("initialization", \LMNN.initialization,
                             summary: "How the starting L is chosen; target neighbours are chosen in that space "
                                 + "(random uses --seed).", rule: Initialization.rule),
            LearnerParameter("loss", \LMNN.loss,
                             summary: "The penalty on a violated margin: hinge (Weinberger & Saul) or squared-hinge "
                                 + "(smooth, as PyLMNN)."),
            .maxIterations(\LMNN.maxIterations),
            .tolerance(\LMNN.tolerance),
            .solver(\LMNN.solver, batchNeighbors: "each sample's impostors drawn from its batch (its target neighbours "
                        + "from all samples; class labels only, triplets are fitted full batch)"),
            .batchSize(\LMNN.batchSize),
            .epochs(\LMNN.epochs),
            .seed(\LMNN.seed, of: "random initialization and of the stochastic solver's batches"),
        ])
}

extension LearnerConfiguration {
    /// An LMNN configuration.
    public static func lmnn(_ learner: LMNN) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
