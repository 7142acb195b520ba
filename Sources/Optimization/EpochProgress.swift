/// One epoch of a stochastic fit, handed to `Adam`'s progress callback.
public struct EpochProgress: Sendable, Hashable {
    /// The epoch just completed (1-based).
    public let epoch: Int
    /// The most epochs the run may take.
    public let epochCount: Int
    /// The batches (steps) taken so far.
    public let batches: Int
    /// The estimate of the objective after the epoch: its value on the held-back samples, or the mean of the
    /// epoch's batch values when nothing is held back.
    public let objectiveEstimate: Double
    /// Seconds since the run started.
    public let elapsedSeconds: Double
    /// Seconds the remaining epochs would take at the pace so far (0 after the last; early stopping may end the
    /// run sooner).
    public let remainingSeconds: Double

    /// A progress record.
    public init(epoch: Int, epochCount: Int, batches: Int, objectiveEstimate: Double, elapsedSeconds: Double,
                remainingSeconds: Double) {
        self.epoch = epoch
        self.epochCount = epochCount
        self.batches = batches
        self.objectiveEstimate = objectiveEstimate
        self.elapsedSeconds = elapsedSeconds
        self.remainingSeconds = remainingSeconds
    }
}
