/// Metric Learning for Kernel Regression (Weinberger & Tesauro 2007).
///
/// Learns L (k×d) minimising the leave-one-out squared error of Gaussian-kernel regression in the space
/// x ↦ L·x, relative to the targets' total sum of squares (so 1 − its leave-one-out R²):
///
///     f(L) = Σᵢ (ŷᵢ − tᵢ)² / Σᵢ (tᵢ − t̄)²,  ŷᵢ = Σⱼ pᵢⱼ·tⱼ,
///     pᵢⱼ = exp(−‖Lxᵢ − Lxⱼ‖²) / Σ_{l≠i} exp(−‖Lxᵢ − Lx_l‖²),  pᵢᵢ = 0.
///
/// This is metric-learn's `MLKR` loss divided by Σ(t − t̄)², which makes `tolerance` independent of the targets'
/// units. L-BFGS minimises f over L flattened row-major from `initialization` (metric-learn's rule for `.auto`:
/// PCA when k < min(d, n), else the identity). The fit is scale dependent: standardise features first.
/// `report.objectiveHistory` holds f (index 0 at the start, non-increasing) and
/// `report.details["leaveOneOutR2"]` the final 1 − f.
///
/// Cost per L-BFGS evaluation: O(n²·k + n·d·k) time and O(b² + n·(d + k)) memory, b = 256 (see `MLKRObjective`).
/// Above `Solver.automaticSampleCount` samples (or with `solver` `.stochastic`) `Adam` fits f on mini-batches
/// instead: O(n·`batchSize`·k) per epoch (see `MLKRBatchObjective` and <doc:LargeTables>).
/// See <doc:Algorithm-MLKR>.
public struct MLKR: WarmStartLearner {
    /// The output dimension k (nil keeps d, the input dimension).
    public var componentCount: Int?
    /// How the starting L is chosen (default `.auto`; `.lda` needs class labels and is refused).
    public var initialization: Initialization
    /// The most L-BFGS iterations (default 1000, as metric-learn).
    public var maxIterations: Int
    /// Stop when ‖∇f‖∞ or the relative decrease of f falls to this (default 1e-5).
    public var tolerance: Double
    /// The seed of `.random` initialization and of the stochastic solver's batches.
    public var seed: UInt64
    /// Full-batch L-BFGS or stochastic Adam (default `.auto`: stochastic above `Solver.automaticSampleCount` samples).
    public var solver: Solver
    /// The stochastic solver's samples per mini-batch (default 512).
    public var batchSize: Int
    /// The stochastic solver's most epochs (default 20).
    public var epochs: Int

    /// Creates an MLKR configuration.
    public init(componentCount: Int? = nil, initialization: Initialization = .auto, maxIterations: Int = 1000,
                tolerance: Double = 1e-5, seed: UInt64 = 0, solver: Solver = .auto,
                batchSize: Int = Solver.defaultBatchSize, epochs: Int = Solver.defaultEpochs) {
        self.componentCount = componentCount
        self.initialization = initialization
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
        self.solver = solver
        self.batchSize = batchSize
        self.epochs = epochs
    }

    /// The default configuration.
    public init() { self.init(componentCount: nil) }

    /// MLKR compares raw distances in its kernel, so it depends on the units of the features.
    public var isScaleInvariant: Bool { false }

    /// Learns L from the samples (rows of `x`) and their regression targets, starting from `initialization`.
    ///
    /// - Throws: `invalidData` (targets) for a non-finite target, one beyond 1e150 in magnitude, or targets that are all equal or too close together to standardise, `invalidData`
    ///   (features) when the objective is not finite on them, `insufficientMemory` when the L-BFGS state would not
    ///   fit, `invalidParameter` for a bad parameter (`initialization` `.lda`), and the input errors of every learner.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        try optimize(x, targets: try supervision.regressionTargets(for: Self.registration), start: nil,
                     progress: progress)
    }

    /// Learns L starting from the components of `metric` (a warm start); `initialization` is ignored.
    ///
    /// - Throws: `featureCountMismatch` when `metric` was learned on another number of features,
    ///   `invalidParameter` (componentCount) when `componentCount` is set and differs from its output dimension.
    public func fit(_ x: Matrix, supervision: Supervision, startingFrom metric: MahalanobisMetric,
                    progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        try optimize(x, targets: try supervision.regressionTargets(for: Self.registration), start: metric,
                     progress: progress)
    }

    private func optimize(_ x: Matrix, targets: [Double], start: MahalanobisMetric?,
                          progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        try Validation.checkTargeted(x, targets: targets, requiringSpread: true)
        try validateParameters(featureCount: x.columnCount)
        let solver = IterativeFit(maxIterations: maxIterations, tolerance: tolerance, maximizes: false)
        let initial = try IterativeFit.start(of: "mlkr", from: start, x: x, labels: nil,
                                             componentCount: componentCount, initialization: initialization, seed: seed)
        let k = initial.rowCount
        let fit = try solver.minimize(
            sampleCount: x.rowCount,
            settings: IterativeFit.StochasticSettings(solver: self.solver, batchSize: batchSize, epochs: epochs, seed: seed),
            full: { MLKRObjective(x: x, targets: targets, componentCount: k) },
            batched: { MLKRBatchObjective(x: x, targets: targets, componentCount: k) },
            from: initial.elements, progress: progress, learner: configuration, stopwatch: stopwatch,
            details: { ["leaveOneOutR2": 1 - $0, "warmStart": start == nil ? 0 : 1] })
        return MahalanobisMetric(components: Matrix(rowCount: k, columnCount: x.columnCount, elements: fit.point),
                                 report: fit.report)
    }
}

extension MLKR: LinearMapParameters {
    /// Decodes a configuration; one saved before the stochastic solver existed reads with its defaults.
    public init(from decoder: any Decoder) throws { try self.init(decodingParametersFrom: decoder) }

    /// Encodes the configuration; the solver parameters only when they differ from their defaults.
    public func encode(to encoder: any Encoder) throws { try encodeParameters(to: encoder) }
}
