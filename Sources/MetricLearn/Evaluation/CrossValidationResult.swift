/// The outcome of cross-validating a pipeline: one entry per fold and their summaries.
public struct CrossValidationResult: Sendable, Hashable, Codable {
    /// What happened on one fold.
    public struct Fold: Sendable, Hashable, Codable {
        /// The fold's position, 0..<k.
        public let index: Int
        /// The number of training and test samples.
        public let trainCount: Int, testCount: Int
        /// Accuracy on the fold's test samples.
        public let accuracy: Double
        /// Balanced accuracy on the fold's test samples.
        public let balancedAccuracy: Double
        /// Wall-clock seconds to fit the whole pipeline on the training samples.
        public let fitSeconds: Double
        /// The learner's own fit seconds within `fitSeconds` (its `FitReport.fitSeconds`; 0 without a learner).
        public let learnerFitSeconds: Double
        /// Wall-clock seconds of the classifier's prediction on the test samples, already preprocessed and
        /// standardized: mapping them by the learned metric, the neighbour search and the vote.
        public let predictSeconds: Double
        /// The learner's solver iterations (0 without a learner or for closed-form learners).
        public let iterations: Int
        /// Whether the learner's solver converged (`true` without a learner).
        public let didConverge: Bool
    }

    /// The mean and the standard deviation of a score over the folds.
    ///
    /// The standard deviation is the population one, √(Σ(xᵢ − x̄)²/k) — NumPy's `np.std` default (ddof = 0),
    /// which is what scikit-learn users print after `cross_val_score`.
    public struct Summary: Sendable, Hashable, Codable {
        /// The mean over the folds.
        public let mean: Double
        /// The population standard deviation over the folds (ddof = 0).
        public let standardDeviation: Double

        /// The summary of `values` (at least one).
        init(_ values: [Double]) {
            let count = Double(values.count)
            let mean = values.reduce(0, +) / count
            self.mean = mean
            standardDeviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
        }
    }

    /// The pipeline that was evaluated.
    public let pipeline: Pipeline
    /// The seed of the stratified folds (`nil` when the folds were given).
    public let seed: UInt64?
    /// Each fold, in fold order.
    public let folds: [Fold]

    /// Accuracy over the folds.
    public var accuracy: Summary { Summary(folds.map(\.accuracy)) }
    /// Balanced accuracy over the folds.
    public var balancedAccuracy: Summary { Summary(folds.map(\.balancedAccuracy)) }
    /// Fit time over the folds.
    public var fitSeconds: Summary { Summary(folds.map(\.fitSeconds)) }
    /// The learner's own fit time over the folds.
    public var learnerFitSeconds: Summary { Summary(folds.map(\.learnerFitSeconds)) }
    /// Prediction time over the folds.
    public var predictSeconds: Summary { Summary(folds.map(\.predictSeconds)) }
    /// Whether the learner converged on every fold.
    public var didConvergeEverywhere: Bool { folds.allSatisfy(\.didConverge) }
}
