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
public struct NCA: MetricLearner {
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

    /// This configuration as `.nca`, for reports and model files.
    public var configuration: LearnerConfiguration { .nca(self) }

    /// Learns L from the samples (rows of `x`) and their labels, starting from `initialization`.
    public func fit(_ x: Matrix, labels: [Int], progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        try optimize(x, labels: labels, start: nil, progress: progress)
    }

    /// Learns L starting from the components of `metric` (a warm start); `initialization` is ignored.
    ///
    /// - Throws: `featureCountMismatch` when `metric` was learned on another number of features,
    ///   `invalidParameter` when its output dimension is not `componentCount` (d when nil).
    public func fit(_ x: Matrix, labels: [Int], startingFrom metric: MahalanobisMetric,
                    progress: ((OptimizationProgress) -> Void)? = nil) throws(MetricLearnError) -> MahalanobisMetric {
        try optimize(x, labels: labels, start: metric.components, progress: progress)
    }

    private func optimize(_ x: Matrix, labels: [Int], start: Matrix?,
                          progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        try Validation.checkLabeled(x, labels: labels)
        let (n, d) = (x.rowCount, x.columnCount)
        let k = try validateParameters(featureCount: d)
        let initial: Matrix
        if let start {
            guard start.columnCount == d else { throw .featureCountMismatch(expected: start.columnCount, actual: d) }
            try Validation.require(start.rowCount == k, "startingFrom", "\(start.rowCount)×\(start.columnCount) metric",
                                   "must have componentCount = \(k) output dimensions")
            initial = start
        } else {
            var generator = SeededGenerator(seed: seed)
            initial = try initialization.components(for: x, labels: labels, componentCount: k, generator: &generator)
        }

        let objective = NCAObjective(x: x, labels: labels, componentCount: k)
        let solver = LBFGS(maxIterations: maxIterations, gradientTolerance: tolerance, relativeTolerance: tolerance)
        let result = solver.minimize(objective, from: initial.elements, progress: progress.map { report in
            { report(OptimizationProgress(iteration: $0.iteration, value: -$0.value, gradientNorm: $0.gradientNorm)) }
        })
        let fitReport = FitReport(
            learner: configuration, iterations: result.report.iterations, didConverge: result.report.didConverge,
            objectiveHistory: result.report.objectiveHistory.map { -$0 }, fitSeconds: stopwatch.elapsedSeconds,
            details: ["expectedAccuracy": -result.value / Double(n),
                      "evaluations": Double(result.report.evaluations),
                      "warmStart": start == nil ? 0 : 1])
        return MahalanobisMetric(components: Matrix(rowCount: k, columnCount: d, elements: result.point), report: fitReport)
    }

    private func validateParameters(featureCount d: Int) throws(MetricLearnError) -> Int {
        let k = componentCount ?? d
        try Validation.require(k >= 1 && k <= d, "componentCount", k,
                               "must be between 1 and the feature count (\(d))")
        try Validation.require(maxIterations >= 1, "maxIterations", maxIterations, "must be at least 1")
        try Validation.require(tolerance >= 0, "tolerance", tolerance, "must be non-negative")
        return k
    }
}
