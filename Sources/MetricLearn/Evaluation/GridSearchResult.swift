/// The outcome of a `GridSearch`: every candidate's cross-validation, best first, and the best pipeline
/// refitted on all the data.
public struct GridSearchResult: Sendable, Hashable, Codable {
    /// One candidate's place in the ranking.
    public struct Entry: Sendable, Hashable, Codable {
        /// 1 for the best candidate.
        public let rank: Int
        /// The candidate's position in `GridSearch.candidates`.
        public let candidateIndex: Int
        /// Its cross-validation (the pipeline is `crossValidation.pipeline`).
        public let crossValidation: CrossValidationResult
    }

    /// Every candidate, best first.
    public let ranking: [Entry]
    /// The best candidate fitted on all the data.
    public let best: FittedPipeline
}
