extension AutoLearner {
    /// `auto`: learns from class labels by choosing among the other learners of class labels.
    public static let registration = LearnerRegistration(
        AutoLearner.self, name: "auto", title: "Automatic learner selection",
        summary: "Choose the learner by an inner cross-validation on the training data: every learner of class "
            + "labels at its defaults, and Euclidean distance.",
        discussion: "Each candidate is cross-validated on --folds stratified folds of the input (k-NN with "
            + "--neighbor-count neighbours in its learned space), the most accurate is refitted on every row, and "
            + "the model records the ranking ('metric-learn info' shows it). A candidate that fails is ranked last. "
            + "It costs about twice the sum of the candidates' fit times (3 folds). Standardise the features with "
            + "--standardize: several candidates depend on their units.",
        parameters: [
            LearnerParameter("folds", \AutoLearner.folds,
                             summary: "Folds of the inner stratified cross-validation (each class needs as many "
                                 + "samples).", rule: .count(atLeast: 2)),
            LearnerParameter("neighborCount", \AutoLearner.neighborCount,
                             summary: "Neighbours that vote in the inner cross-validation.", rule: .positiveCount),
            .seed(\AutoLearner.seed, of: "the inner folds and of every candidate"),
        ])
}

extension LearnerConfiguration {
    /// An automatic selection among the learners of class labels.
    public static func auto(_ learner: AutoLearner = AutoLearner()) -> LearnerConfiguration {
        LearnerConfiguration(learner)
    }
}
