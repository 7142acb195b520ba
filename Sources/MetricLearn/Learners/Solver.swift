/// How an iterative learner that has both solvers (NCA, LMNN, MLKR, feature weights' NCA method) minimises its objective.
///
/// The full-batch solver is L-BFGS on the objective over every sample, O(n²) per evaluation; the stochastic one is
/// `Adam` on seeded mini-batches, where each sample's softmax runs over the other samples of its batch, O(n·b) per
/// epoch for batches of b samples (see <doc:LargeTables>).
public enum Solver: String, Sendable, Hashable, Codable, CaseIterable, KebabCaseParameterValue {
    /// Full batch up to `Solver.automaticSampleCount` samples, stochastic above.
    case auto
    /// L-BFGS on every sample (the only solver before stochastic ones existed).
    case fullBatch
    /// Adam on stratified mini-batches with early stopping on a held-back sample.
    case stochastic

    /// `auto` fits more samples than this stochastically: at 20 000 × 50 a full-batch NCA fit already takes minutes
    /// on two cores, and every evaluation grows as n².
    public static let automaticSampleCount = 20_000

    /// The stochastic solver's default samples per mini-batch (`Adam`'s).
    public static var defaultBatchSize: Int { Adam().batchSize }

    /// The stochastic solver's default most epochs (`Adam`'s).
    public static var defaultEpochs: Int { Adam().epochs }

    /// Whether a fit on `sampleCount` samples runs the stochastic solver.
    public func isStochastic(sampleCount: Int) -> Bool {
        switch self {
        case .auto: sampleCount > Self.automaticSampleCount
        case .fullBatch: false
        case .stochastic: true
        }
    }
}
