/// A seeded stochastic minimiser of a `MiniBatchObjective`: Adam (Kingma & Ba 2015) on mini-batches, the step
/// decaying by epoch, with early stopping on a held-back sample.
///
/// **Why Adam.** Each coordinate's step is the running mean of its gradient divided by the root of the running
/// mean of its square, so the step is about `learningRate` in the units of the variables whatever the scale of
/// the objective (an estimate scaled by n/|B|, a loss divided by n): one default step serves every objective. It
/// needs no line search, which noisy batch values would mislead (a Wolfe test compares values of one function,
/// and two batches are two functions), and its state is two vectors of `dimension` numbers. Plain SGD needs a
/// step tuned to the gradient's scale; stochastic L-BFGS needs curvature pairs from overlapping batches.
///
/// **Batches.** Before the first epoch a seeded permutation of the samples, stratified by the objective's
/// `strata` when it has them, sets aside the held-back sample: min(`heldBackBatches`·`batchSize`,
/// ⌊`heldBackFraction`·n⌋) samples (none when that is below 2), in batches cut like the training ones. Each epoch
/// draws a new seeded (stratified) permutation of the other samples and cuts it into ⌈m / `batchSize`⌉ batches of
/// sizes within one of each other, so every training sample is in exactly one batch per epoch and, with strata,
/// every batch holds each stratum in proportion. A stratified permutation shuffles each stratum and interleaves
/// them by their fractional ranks (rank + uₛ)/nₛ, uₛ uniform per stratum. Batches reach the objective with their
/// indices ascending.
///
/// **Steps.** With g the batch gradient and t the step count: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
/// x ← x − αₑ·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε), αₑ = `learningRate`·`learningRateDecay`^(e − 1) in epoch e.
/// A batch whose value or gradient is not finite is skipped.
///
/// **Early stopping.** The objective is evaluated on the held-back sample at the start and after each epoch (the mean
/// of its batches' values, each the same kind of estimate as a training batch's, so they are comparable); the
/// point with the lowest value is kept, and the run stops after `patience` epochs without a new lowest value.
/// Without a held-back sample the run takes every epoch and returns the last point.
///
/// Deterministic: the permutations come from a `SeededGenerator` of `seed` and the updates run in a fixed order,
/// so the same objective, start and settings give the same bits whatever the number of cores (if the objective's
/// evaluations are themselves deterministic). Parameters are stored as given and never trap: `epochs` ≤ 0 returns
/// the start, a `batchSize` below 1 counts as 1.
public struct Adam: Sendable, Hashable, Codable {
    /// The samples per batch (default 512).
    public var batchSize: Int
    /// The most passes over the training samples (default 20).
    public var epochs: Int
    /// The step α of the first epoch, in the units of the variables (default 0.01).
    public var learningRate: Double
    /// The factor the step is multiplied by after each epoch (default 0.8).
    public var learningRateDecay: Double
    /// β₁, the decay of the running mean of the gradient (default 0.9).
    public var firstMomentDecay: Double
    /// β₂, the decay of the running mean of its square (default 0.999).
    public var secondMomentDecay: Double
    /// ε, which keeps the step finite where the gradient vanishes (default 10⁻⁸).
    public var epsilon: Double
    /// The share of the samples held back, up to `heldBackBatches` batches (default 0.1).
    public var heldBackFraction: Double
    /// The most batches held back (default 8): more make the held-back value less noisy and cost more per epoch.
    public var heldBackBatches: Int
    /// The epochs without a new lowest held-back value after which the run stops (default 3).
    public var patience: Int
    /// The seed of the permutations.
    public var seed: UInt64

    /// A minimiser with the given settings, stored as given.
    public init(batchSize: Int = 512, epochs: Int = 20, learningRate: Double = 0.01, learningRateDecay: Double = 0.8,
                firstMomentDecay: Double = 0.9, secondMomentDecay: Double = 0.999, epsilon: Double = 1e-8,
                heldBackFraction: Double = 0.1, heldBackBatches: Int = 8, patience: Int = 3, seed: UInt64 = 0) {
        self.batchSize = batchSize
        self.epochs = epochs
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.firstMomentDecay = firstMomentDecay
        self.secondMomentDecay = secondMomentDecay
        self.epsilon = epsilon
        self.heldBackFraction = heldBackFraction
        self.heldBackBatches = heldBackBatches
        self.patience = patience
        self.seed = seed
    }

    /// Minimises `objective` from `start`, which must have `objective.dimension` elements.
    ///
    /// `progress` is called once after each epoch. Memory beyond the objective's: four vectors of `dimension`
    /// numbers and the permutation of the samples.
    public func minimize(_ objective: some MiniBatchObjective, from start: [Double],
                         progress: ((EpochProgress) -> Void)? = nil) -> StochasticResult {
        let dimension = objective.dimension
        precondition(start.count == dimension,
                     "Start point has \(start.count) elements, the objective's dimension is \(dimension)")
        let clock = ContinuousClock()
        let started = clock.now
        var generator = SeededGenerator(seed: seed)
        let split = MiniBatchSchedule(sampleCount: objective.sampleCount, strata: objective.strata,
                                      heldBackCount: heldBackCount(sampleCount: objective.sampleCount),
                                      batchSize: max(1, batchSize), generator: &generator)
        var point = start, best = start
        func heldBackValue(at point: [Double]) -> Double {
            split.heldBack.reduce(0) { $0 + objective.value(at: point, batch: $1) } / Double(split.heldBack.count)
        }
        var bestValue = split.heldBack.isEmpty ? Double.nan : heldBackValue(at: start)
        var history = split.heldBack.isEmpty ? [] : [bestValue]
        var firstMoment = [Double](repeating: 0, count: dimension), secondMoment = firstMoment, gradient = firstMoment
        var (steps, batches, skipped, completed, stale) = (0, 0, 0, 0, 0)
        var (rate, firstPower, secondPower, lastMean) = (learningRate, 1.0, 1.0, Double.nan)
        var stoppedEarly = false
        func result() -> StochasticResult {
            let kept = split.heldBack.isEmpty ? point : best
            return StochasticResult(point: kept, epochs: completed, batches: batches, skippedBatches: skipped,
                                    heldBackCount: split.heldBack.reduce(0) { $0 + $1.count }, heldBackHistory: history,
                                    value: split.heldBack.isEmpty ? lastMean : bestValue, stoppedEarly: stoppedEarly)
        }
        if !split.heldBack.isEmpty && !bestValue.isFinite { return result() }

        for epoch in stride(from: 1, through: epochs, by: 1) {
            var (sum, finiteCount) = (0.0, 0)
            for batch in split.epochBatches(generator: &generator) {
                batches += 1
                let value = objective.valueAndGradient(at: point, batch: batch, gradient: &gradient)
                guard value.isFinite && gradient.infinityNorm.isFinite else {
                    skipped += 1
                    continue
                }
                (sum, finiteCount, steps) = (sum + value, finiteCount + 1, steps + 1)
                firstPower *= firstMomentDecay
                secondPower *= secondMomentDecay
                update(&point, firstMoment: &firstMoment, secondMoment: &secondMoment, gradient: gradient, rate: rate,
                       firstCorrection: 1 - firstPower, secondCorrection: 1 - secondPower)
            }
            completed = epoch
            rate *= learningRateDecay
            lastMean = sum / Double(finiteCount)
            var estimate = lastMean
            if !split.heldBack.isEmpty {
                estimate = heldBackValue(at: point)
                history.append(estimate)
                if estimate < bestValue {
                    (best, bestValue, stale) = (point, estimate, 0)
                } else {
                    stale += 1
                }
            }
            let elapsed = (clock.now - started).seconds
            progress?(EpochProgress(epoch: epoch, epochCount: epochs, batches: batches, objectiveEstimate: estimate,
                                    elapsedSeconds: elapsed,
                                    remainingSeconds: elapsed / Double(epoch) * Double(epochs - epoch)))
            if !split.heldBack.isEmpty && stale >= patience {
                stoppedEarly = true
                break
            }
        }
        return result()
    }

    /// The number of samples held back from n: min(`heldBackBatches`·`batchSize`, ⌊`heldBackFraction`·n⌋), or 0
    /// when that is below 2 (an objective of one sample's neighbours needs two).
    public func heldBackCount(sampleCount n: Int) -> Int {
        let fraction = heldBackFraction.isFinite ? min(max(heldBackFraction, 0), 1) : 0
        let (batches, overflow) = max(1, heldBackBatches).multipliedReportingOverflow(by: max(1, batchSize))
        let count = min(overflow ? Int.max : batches, Int(fraction * Double(n)))
        return count >= 2 ? count : 0
    }

    /// One Adam step on `point` (see the type's description).
    private func update(_ point: inout [Double], firstMoment: inout [Double], secondMoment: inout [Double],
                        gradient: [Double], rate: Double, firstCorrection: Double, secondCorrection: Double) {
        let (beta1, beta2, epsilon) = (firstMomentDecay, secondMomentDecay, epsilon)
        point.withUnsafeMutableBufferPointer { x in
            firstMoment.withUnsafeMutableBufferPointer { m in
                secondMoment.withUnsafeMutableBufferPointer { v in
                    gradient.withUnsafeBufferPointer { g in
                        for i in 0..<x.count {
                            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                            x[i] -= rate * (m[i] / firstCorrection) / ((v[i] / secondCorrection).squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }
}

private extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
