/// What a table's label column holds, and so what is predicted from it: classes or numbers.
public enum LearningTask: String, Sendable, Hashable, Codable, CaseIterable {
    /// Class labels of any text (`Dataset`): k-nearest-neighbour votes, accuracy.
    case classification
    /// Finite real targets (`RegressionDataset`): k-nearest-neighbour averages, R², RMSE and MAE.
    case regression

    /// The task a learner serves by default: regression for a learner of regression targets only (`MLKR`),
    /// classification otherwise.
    public static func `default`(for learner: LearnerRegistration) -> LearningTask {
        learner.supervision.contains(.regressionTargets) && !learner.supervision.contains(.classLabels)
            ? .regression : .classification
    }
}
