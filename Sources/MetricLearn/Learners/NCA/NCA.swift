/// Neighbourhood Components Analysis (Goldberger, Roweis, Hinton & Salakhutdinov 2005).
///
/// Learns L (k×d) maximising the expected number of samples that a stochastic nearest-neighbour rule in
/// the space x ↦ L·x classifies correctly (leaving each sample out):
///
///     f(L) = Σᵢ pᵢ,  pᵢ = Σ_{j: yⱼ = yᵢ} pᵢⱼ,  pᵢⱼ = exp(−‖Lxᵢ − Lxⱼ‖²) / Σ_{l≠i} exp(−‖Lxᵢ − Lx_l‖²),  pᵢᵢ = 0.
///
/// L-BFGS minimises −f over L flattened row-major, with scikit-learn's parameters and stopping rule
/// (`tolerance` is both scipy's `gtol` and `ftol`). The fit is scale dependent: standardise features first.
/// `report.objectiveHistory` holds f (index 0 at the start, non-decreasing) and
/// `report.details["expectedAccuracy"]` the final f / n.
///
/// Cost per L-BFGS evaluation: O(n²·k + n·d·k) time and O(b² + n·(d + k)) memory, b = 256 (see `NCAObjective`).
/// Above `Solver.automaticSampleCount` samples (or with `solver` `.stochastic`) `Adam` fits f on stratified
/// mini-batches instead: O(n·`batchSize`·k) per epoch (see `NCABatchObjective` and <doc:LargeTables>).
/// See <doc:Algorithm-NCA>.
public struct NCA: WarmStartLearner {
    /// The output dimension k (nil keeps d, the input dimension).
    public var componentCount: Int?
    /// How the starting L is chosen (default `.auto`, scikit-learn's rule).
    public var initialization: Initialization
    /// The most L-BFGS iterations (default 50).
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

    /// Creates an NCA configuration (scikit-learn's defaults).
    public init(componentCount: Int? = nil, initialization: Initialization = .auto, maxIterations: Int = 50,
                tolerance: Double = 1e-5, seed: UInt64 = 0, solver: Solver = .auto,
                batchSize: Int = Solver.defaultBatchSize,
                epochs: Int = Solver.defaultEpochs) {
        self.componentCount = componentCount
        self.initialization = initialization
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
        self.solver = solver
        self.batchSize = batchSize
        self.epochs = epochs
    }

    /// The default configuration (scikit-learn's defaults).
    public init() { self.init(componentCount: nil) }

    /// NCA compares raw distances in its softmax, so it depends on the units of the features.
    public var isScaleInvariant: Bool { false }

    /// Learns L from the samples (rows of `x`) and their class labels, starting from `initialization`.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        try optimize(x, labels: try supervision.classLabels(for: Self.registration), start: nil, progress: progress)
    }

    /// Learns L starting from the components of `metric` (a warm start); `initialization` is ignored.
    ///
    /// - Throws: `featureCountMismatch` when `metric` was learned on another number of features,
    ///   `invalidParameter` (componentCount) when `componentCount` is set and differs from its output dimension.
    public func fit(_ x: Matrix, supervision: Supervision, startingFrom metric: MahalanobisMetric,
                    progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        try optimize(x, labels: try supervision.classLabels(for: Self.registration), start: metric, progress: progress)
    }

    private func optimize(_ x: Matrix, labels: [Int], start: MahalanobisMetric?,
                          progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        try Validation.checkLabeled(x, labels: labels)
        let (n, d) = (x.rowCount, x.columnCount)
        try validateParameters(featureCount: d)
        let solver = IterativeFit(maxIterations: maxIterations, tolerance: tolerance, maximizes: true)
        let initial = try IterativeFit.start(of: "nca", from: start, x: x, labels: labels,
                                             componentCount: componentCount, initialization: initialization, seed: seed)
        let k = initial.rowCount
        let fit = try solver.minimize(
            sampleCount: n, settings: stochasticSettings,
            full: { NCAObjective(x: x, labels: labels, componentCount: k) },
            batched: { NCABatchObjective(x: x, labels: labels, componentCount: k) },
            from: initial.elements, progress: progress, learner: configuration, stopwatch: stopwatch,
            details: { ["expectedAccuracy": -$0 / Double(n), "warmStart": start == nil ? 0 : 1] })
        return MahalanobisMetric(components: Matrix(rowCount: k, columnCount: d, elements: fit.point), report: fit.report)
    }

    private var stochasticSettings: IterativeFit.StochasticSettings {
        IterativeFit.StochasticSettings(solver: solver, batchSize: batchSize, epochs: epochs, seed: seed)
    }
}

extension NCA: LinearMapParameters {
    /// Decodes a configuration; one saved before the stochastic solver existed reads with its defaults.
    public init(from decoder: any Decoder) throws { try self.init(decodingParametersFrom: decoder) }

    /// Encodes the configuration; the solver parameters only when they differ from their defaults.
    public func encode(to encoder: any Encoder) throws { try encodeParameters(to: encoder) }
}
