/// The inner cross-validation an `AutoLearner` fit ran: every candidate's k-NN accuracy, best first (ranked as
/// `GridSearch` ranks), then the candidates that failed, with their errors.
public struct LearnerRanking: Sendable, Hashable, Codable {
    /// One candidate's outcome.
    public struct Entry: Sendable, Hashable, Codable {
        /// The candidate's configuration (nil: Euclidean distance, no learner).
        public let learner: LearnerConfiguration?
        /// Its mean and standard deviation of accuracy over the inner folds (nil when it failed).
        public let accuracy: CrossValidationResult.Summary?
        /// Its mean fit seconds over the inner folds (nil when it failed): wall-clock time, so it varies between runs.
        public var fitSeconds: Double?
        /// Why it failed (nil when it did not).
        public let failure: String?

        /// The learner's command-line name, `euclidean` for none.
        public var name: String { learner?.name ?? "euclidean" }

        /// A candidate that was cross-validated.
        init(learner: LearnerConfiguration?, crossValidation: CrossValidationResult) {
            self.learner = learner
            accuracy = crossValidation.accuracy
            fitSeconds = crossValidation.fitSeconds.mean
            failure = nil
        }

        /// A candidate that failed.
        init(learner: LearnerConfiguration?, failure: String) {
            self.learner = learner
            accuracy = nil
            fitSeconds = nil
            self.failure = failure
        }
    }

    /// Every candidate, the winner first.
    public var entries: [Entry]

    /// The chosen candidate.
    public var winner: Entry { entries[0] }
}
