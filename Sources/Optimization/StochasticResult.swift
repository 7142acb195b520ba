/// The outcome of a stochastic minimisation by `Adam`: the point kept and how the run went.
public struct StochasticResult: Sendable, Hashable {
    /// The point kept: the one with the lowest held-back objective among the start and the end of each epoch,
    /// or the last point when nothing is held back.
    public let point: [Double]
    /// The completed epochs.
    public let epochs: Int
    /// The batches (steps) taken.
    public let batches: Int
    /// The batches skipped because their value or gradient was not finite.
    public let skippedBatches: Int
    /// The number of samples held back from the batches to evaluate the objective on.
    public let heldBackCount: Int
    /// The held-back objective at the start and after each epoch (`epochs + 1` values; empty when nothing is held
    /// back).
    public let heldBackHistory: [Double]
    /// The estimate of the objective at `point`: its held-back value, or the mean batch value of the last epoch
    /// when nothing is held back.
    public let value: Double
    /// Whether the run stopped because the held-back objective had not improved for `patience` epochs.
    public let stoppedEarly: Bool

    /// A result.
    public init(point: [Double], epochs: Int, batches: Int, skippedBatches: Int, heldBackCount: Int,
                heldBackHistory: [Double], value: Double, stoppedEarly: Bool) {
        self.point = point
        self.epochs = epochs
        self.batches = batches
        self.skippedBatches = skippedBatches
        self.heldBackCount = heldBackCount
        self.heldBackHistory = heldBackHistory
        self.value = value
        self.stoppedEarly = stoppedEarly
    }
}
