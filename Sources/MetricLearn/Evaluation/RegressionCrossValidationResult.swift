/// The outcome of cross-validating a regression pipeline: one entry per fold and their summaries.
public struct RegressionCrossValidationResult: Sendable, Hashable, Codable {
    /// What happened on one fold.
    public struct Fold: Sendable, Hashable, Codable {
        /// The fold's position, 0..<k.
        public let index: Int
        /// The number of training and test samples.
        public let trainCount: Int, testCount: Int
        /// R² on the fold's test samples.
        public let r2: Double
        /// The root mean squared error on the fold's test samples, in the targets' units.
        public let rootMeanSquaredError: Double
        /// The mean absolute error on the fold's test samples, in the targets' units.
        public let meanAbsoluteError: Double
        /// Wall-clock seconds to fit the whole pipeline on the training samples.
        public let fitSeconds: Double
        /// The learner's own fit seconds within `fitSeconds` (its `FitReport.fitSeconds`; 0 without a learner).
        public let learnerFitSeconds: Double
        /// Wall-clock seconds of the regressor's prediction on the test samples, already preprocessed and
        /// standardized.
        public let predictSeconds: Double
        /// The learner's solver iterations (0 without a learner or for closed-form learners).
        public let iterations: Int
        /// Whether the learner's solver converged (`true` without a learner).
        public let didConverge: Bool
    }

    /// The pipeline that was evaluated.
    public let pipeline: RegressionPipeline
    /// The seed of the folds (`nil` when the folds were given).
    public let seed: UInt64?
    /// Each fold, in fold order.
    public let folds: [Fold]

    /// R² over the folds.
    public var r2: CrossValidationResult.Summary { CrossValidationResult.Summary(folds.map(\.r2)) }
    /// The root mean squared error over the folds.
    public var rootMeanSquaredError: CrossValidationResult.Summary {
        CrossValidationResult.Summary(folds.map(\.rootMeanSquaredError))
    }
    /// The mean absolute error over the folds.
    public var meanAbsoluteError: CrossValidationResult.Summary {
        CrossValidationResult.Summary(folds.map(\.meanAbsoluteError))
    }
    /// Fit time over the folds.
    public var fitSeconds: CrossValidationResult.Summary { CrossValidationResult.Summary(folds.map(\.fitSeconds)) }
    /// The learner's own fit time over the folds.
    public var learnerFitSeconds: CrossValidationResult.Summary {
        CrossValidationResult.Summary(folds.map(\.learnerFitSeconds))
    }
    /// Prediction time over the folds.
    public var predictSeconds: CrossValidationResult.Summary {
        CrossValidationResult.Summary(folds.map(\.predictSeconds))
    }
    /// Whether the learner converged on every fold.
    public var didConvergeEverywhere: Bool { folds.allSatisfy(\.didConverge) }
}
