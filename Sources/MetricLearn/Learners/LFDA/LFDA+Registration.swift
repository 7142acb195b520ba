extension LFDA {
    /// `lfda`: learns from class labels; its parameters as the command line offers them.
    public static let registration = LearnerRegistration(
        LFDA.self, name: "lfda", title: "Local Fisher Discriminant Analysis",
        summary: "Local Fisher discriminant analysis: Fisher's discriminant with pairs weighted by their local "
            + "affinity, so classes made of several clusters stay apart.",
        discussion: "Closed form (one generalised eigenproblem). A singular local within-class scatter is shrunk "
            + "towards the identity and the report says so. The fit is scale dependent: standardise the features "
            + "with --standardize.",
        parameters: [
            .componentCount(\LFDA.componentCount, default: "every direction in which the data vary"),
            LearnerParameter("neighborCount", \LFDA.neighborCount,
                             summary: "k: a sample's local scale is its distance to its k-th nearest neighbour of "
                                 + "the same class.",
                             rule: .positiveCount),
            LearnerParameter("embedding", \LFDA.embedding,
                             summary: "How the eigenvectors are scaled: weighted by √λ, orthonormalized, or plain."),
        ])
}

extension LearnerConfiguration {
    /// An LFDA configuration.
    public static func lfda(_ learner: LFDA) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
