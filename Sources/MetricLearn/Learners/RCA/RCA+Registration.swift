extension RCA {
    /// `rca`: learns from class labels (drawing chunklets) or from given chunklets; its parameters as the command
    /// line offers them.
    public static let registration = LearnerRegistration(
        RCA.self, name: "rca", title: "Relevant Component Analysis",
        summary: "Relevant component analysis: whiten the variation within chunklets, groups of samples known to "
            + "share a class.",
        discussion: "Closed form (one generalised eigenproblem). Chunklets are drawn from the labels with --seed; "
            + "fewer than --chunk-count when the classes cannot fill them. A singular within-chunklet covariance is "
            + "shrunk towards the identity and the report says so.",
        supervision: [.classLabels, .chunklets],
        parameters: [
            .componentCount(\RCA.componentCount, default: "every direction in which the chunklet rows vary"),
            LearnerParameter("chunkCount", \RCA.chunkCount, summary: "Chunklets to draw from the class labels.",
                             rule: .positiveCount),
            LearnerParameter("chunkSize", \RCA.chunkSize, summary: "Samples per chunklet drawn from the class labels.",
                             rule: .count(atLeast: 2)),
            .seed(\RCA.seed, of: "the chunklet draw"),
        ])
}

extension LearnerConfiguration {
    /// An RCA configuration.
    public static func rca(_ learner: RCA) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
