/// What happened during a fit: which learner and configuration, how the solver went, how long it took.
public struct FitReport: Sendable, Hashable, Codable {
    /// The learner and the configuration it was fitted with.
    public var learner: LearnerConfiguration
    /// Solver iterations (sweeps for ITML; 0 for closed-form learners).
    public var iterations: Int
    /// Whether the solver met its tolerance before its iteration limit.
    public var didConverge: Bool
    /// The objective after each iteration (empty for closed-form learners).
    public var objectiveHistory: [Double]
    /// Wall-clock seconds spent in `fit`, measured in-process.
    public var fitSeconds: Double
    /// Learner-specific facts worth reporting, e.g. `effectiveRank` for whitening, `impostorCount` for LMNN.
    public var details: [String: Double]
    /// The candidates an `AutoLearner` compared, the winner first (nil for every other learner).
    public var ranking: LearnerRanking?

    /// Creates a report.
    public init(learner: LearnerConfiguration, iterations: Int = 0, didConverge: Bool = true,
                objectiveHistory: [Double] = [], fitSeconds: Double = 0, details: [String: Double] = [:],
                ranking: LearnerRanking? = nil) {
        self.learner = learner
        self.iterations = iterations
        self.didConverge = didConverge
        self.objectiveHistory = objectiveHistory
        self.fitSeconds = fitSeconds
        self.details = details
        self.ranking = ranking
    }
}
