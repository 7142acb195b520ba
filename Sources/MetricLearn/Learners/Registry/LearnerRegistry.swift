/// Every learner MetricLearn offers, in the order the command line, `evaluate`, `demo` and the documentation
/// list them. Adding a learner is adding its registration here (see `Docs/Design.md`, "Adding a learner").
public enum LearnerRegistry {
    /// The registered learners.
    public static let all: [LearnerRegistration] = [
        Whitening.registration,
        NCA.registration,
        LMNN.registration,
        ITML.registration,
        FeatureReweighting.registration,
        LFDA.registration,
        DMLMJ.registration,
        RCA.registration,
        MLKR.registration,
        MMC.registration,
        GMML.registration,
        AutoLearner.registration,
    ]

    /// The learner registered under the command-line name `name`.
    public static func registration(named name: String) -> LearnerRegistration? {
        all.first { $0.name == name }
    }

    /// The learners that can learn from `kind`, in registry order.
    public static func learners(learningFrom kind: SupervisionKind) -> [LearnerRegistration] {
        all.filter { $0.supervision.contains(kind) }
    }
}
