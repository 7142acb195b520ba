extension DMLMJ {
    /// `dmlmj`: learns from class labels; its parameters as the command line offers them.
    public static let registration = LearnerRegistration(
        DMLMJ.self, name: "dmlmj", title: "Distance Metric Learning through Maximisation of the Jeffrey divergence",
        summary: "DMLMJ: the projection that best tells the differences to same-class neighbours from those to "
            + "other-class neighbours (Jeffrey divergence).",
        discussion: "Closed form (one generalised eigenproblem of the two neighbour-difference scatters). With every "
            + "component kept it whitens the same-class differences; --component-count keeps the most divergent "
            + "directions. The fit is scale dependent: standardise the features with --standardize.",
        parameters: [
            .componentCount(\DMLMJ.componentCount, default: "every direction in which the data vary"),
            LearnerParameter("neighborCount", \DMLMJ.neighborCount,
                             summary: "Same-class and other-class nearest neighbours per sample that form the "
                                 + "difference spaces.",
                             rule: .positiveCount),
            LearnerParameter("shrinkage", \DMLMJ.shrinkage,
                             summary: "The fraction in [0, 1) by which the same-class difference scatter is shrunk "
                                 + "towards a multiple of the identity; 0 for none (pyDML).",
                             rule: .fraction(includingZero: true, includingOne: false)),
        ])
}

extension LearnerConfiguration {
    /// A DMLMJ configuration.
    public static func dmlmj(_ learner: DMLMJ) -> LearnerConfiguration { LearnerConfiguration(learner) }
}
