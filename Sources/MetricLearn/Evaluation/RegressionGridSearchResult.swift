/// The outcome of a `RegressionGridSearch`: every candidate's cross-validation, best first, and the best pipeline
/// refitted on all the data.
public struct RegressionGridSearchResult: Sendable, Hashable, Codable {
    /// One candidate's place in the ranking.
    public struct Entry: Sendable, Hashable, Codable {
        /// 1 for the best candidate.
        public let rank: Int
        /// The candidate's position in `RegressionGridSearch.candidates`.
        public let candidateIndex: Int
        /// Its cross-validation (the pipeline is `crossValidation.pipeline`).
        public let crossValidation: RegressionCrossValidationResult
    }

    /// Every candidate, best first.
    public let ranking: [Entry]
    /// The best candidate fitted on all the data.
    public let best: FittedRegressionPipeline
}
