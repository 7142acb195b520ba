/// The fit of a learner with both solvers: L-BFGS on the full objective, or `Adam` on its mini-batch form.
extension IterativeFit {
    /// The settings of the stochastic solver that every learner with a `solver` parameter shares.
    struct StochasticSettings {
        /// Which solver; `auto` picks by the sample count.
        let solver: Solver
        /// Samples per mini-batch.
        let batchSize: Int
        /// The most epochs.
        let epochs: Int
        /// The seed of the batches.
        let seed: UInt64

        /// The rule of every `batchSize`: a sample's softmax needs another sample in its batch.
        static let batchSizeRule = ParameterRule.count(atLeast: 2)

        /// The rule of every `epochs`: at least one.
        static let epochsRule = ParameterRule.positiveCount
    }

    /// Minimises the learner's objective on `sampleCount` samples from `start` with the solver `settings` pick:
    /// L-BFGS on `full()`, or `Adam` on `batched()`. Returns the point and the report, whose `details` are
    /// `details(value)` for the final objective value (an estimate from the held-back sample when stochastic) and,
    /// for a stochastic fit, `stochastic` = 1, `epochs`, `batches` and `heldBackObjective` (when samples were held
    /// back); its iterations are then the epochs, its objective history the held-back values, and it converged when
    /// early stopping ended it.
    func minimize<Full: DifferentiableObjective, Batched: MiniBatchObjective>(
        sampleCount: Int, settings: StochasticSettings, full: () -> Full, batched: () -> Batched, from start: [Double],
        progress: ((OptimizationProgress) -> Void)?, learner: LearnerConfiguration, stopwatch: Stopwatch,
        details: (Double) -> [String: Double]
    ) throws(MetricLearnError) -> (point: [Double], report: FitReport) {
        guard settings.solver.isStochastic(sampleCount: sampleCount) else {
            let result = run(full(), from: start, progress: progress)
            return (result.point, try report(of: learner, result: result, stopwatch: stopwatch,
                                             details: details(result.value)))
        }
        let sign = maximizes ? -1.0 : 1.0
        let adam = Adam(batchSize: settings.batchSize, epochs: settings.epochs, seed: settings.seed)
        let result = adam.minimize(batched(), from: start, progress: progress.map { report in
            { epoch in
                let estimate = sign * epoch.objectiveEstimate
                report(OptimizationProgress(
                    iteration: epoch.epoch, value: estimate, gradientNorm: 0,
                    epoch: EpochProgress(epoch: epoch.epoch, epochCount: epoch.epochCount, batches: epoch.batches,
                                         objectiveEstimate: estimate, elapsedSeconds: epoch.elapsedSeconds,
                                         remainingSeconds: epoch.remainingSeconds)))
            }
        })
        let history = result.heldBackHistory.map { sign * $0 }
        try Self.checkObjective(history + [result.value], of: learner)
        var facts: [String: Double] = ["stochastic": 1, "epochs": Double(result.epochs), "batches": Double(result.batches)]
        if result.heldBackCount > 0 { facts["heldBackObjective"] = sign * result.value }
        return (result.point, FitReport(learner: learner, iterations: result.epochs, didConverge: result.stoppedEarly,
                                        objectiveHistory: history, fitSeconds: stopwatch.elapsedSeconds,
                                        details: details(result.value).merging(facts) { $1 }))
    }
}

/// The three parameters of the solver choice, declared once with one wording.
extension LearnerParameter {
    /// `solver`: auto, full-batch or stochastic (`prefix` as for `maxIterations`); `batchNeighbors` says what each
    /// sample of a stochastic batch is compared with.
    static func solver<Learner: MetricLearner>(_ keyPath: WritableKeyPath<Learner, Solver> & Sendable,
                                               prefix: String = "",
                                               batchNeighbors: String = "each sample's softmax over its batch")
        -> LearnerParameter {
        LearnerParameter("solver", keyPath, summary: prefix + "auto: full-batch up to "
                             + "\(Solver.automaticSampleCount) samples, stochastic above; full-batch: L-BFGS on every "
                             + "sample; stochastic: Adam on seeded (--seed) mini-batches (stratified by class, if any), "
                             + batchNeighbors + ", with early stopping on a held-back sample.")
    }

    /// `batchSize` of the stochastic solver.
    static func batchSize<Learner: MetricLearner>(_ keyPath: WritableKeyPath<Learner, Int> & Sendable,
                                                  prefix: String = "") -> LearnerParameter {
        LearnerParameter("batchSize", keyPath, summary: prefix + "stochastic solver: samples per mini-batch (larger "
                             + "batches approximate the full objective better and cost more per sample).",
                         rule: IterativeFit.StochasticSettings.batchSizeRule)
    }

    /// `epochs` of the stochastic solver.
    static func epochs<Learner: MetricLearner>(_ keyPath: WritableKeyPath<Learner, Int> & Sendable,
                                               prefix: String = "") -> LearnerParameter {
        LearnerParameter("epochs", keyPath, summary: prefix + "stochastic solver: the most passes over the samples "
                             + "(early stopping may end the fit sooner).",
                         rule: IterativeFit.StochasticSettings.epochsRule)
    }
}
