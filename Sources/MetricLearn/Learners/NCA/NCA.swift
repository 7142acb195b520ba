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
    /// The seed of `.random` initialization.
    public var seed: UInt64

    /// Creates an NCA configuration (scikit-learn's defaults).
    public init(componentCount: Int? = nil, initialization: Initialization = .auto, maxIterations: Int = 50,
                tolerance: Double = 1e-5, seed: UInt64 = 0) {
        self.componentCount = componentCount
        self.initialization = initialization
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
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
        let objective = NCAObjective(x: x, labels: labels, componentCount: k)
        let result = solver.run(objective, from: initial.elements, progress: progress)
        let report = try solver.report(of: configuration, result: result, stopwatch: stopwatch,
                                   details: ["expectedAccuracy": -result.value / Double(n),
                                             "warmStart": start == nil ? 0 : 1])
        return MahalanobisMetric(components: Matrix(rowCount: k, columnCount: d, elements: result.point), report: report)
    }
}
