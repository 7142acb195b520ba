/// Large margin nearest neighbour metric learning (Weinberger & Saul 2009).
///
/// Each sample's target neighbours are its `neighborCount` nearest same-class samples after the initial
/// transform, fixed for the fit. LMNN then learns L (k × d) that pulls target neighbours close while pushing
/// every differently labelled sample (impostor) at least a unit margin further away than each target:
///
///   f(L) = (1 − μ)·Σᵢ Σ_{j∈T(i)} ‖L(xᵢ − xⱼ)‖² + μ·Σᵢ Σ_{j∈T(i)} Σ_{l: y_l ≠ yᵢ} [1 + ‖L(xᵢ − xⱼ)‖² − ‖L(xᵢ − x_l)‖²]₊
///
/// minimised over L with L-BFGS (as PyLMNN does), so a low-rank `componentCount` works. Impostors are found in
/// row blocks of the projected data and kept as a sparse list, never an n×n matrix. See <doc:Algorithm-LMNN>.
public struct LMNN: MetricLearner {
    /// The penalty ℓ on a violated margin h = 1 + dᵢⱼ − dᵢₗ > 0.
    public enum Loss: String, Sendable, Hashable, Codable, CaseIterable {
        /// ℓ(h) = [h]₊, the hinge of Weinberger & Saul (and metric-learn).
        case hinge
        /// ℓ(h) = [h]₊², smooth (continuous gradient), as PyLMNN uses.
        case squaredHinge
    }

    /// k, the target neighbours per sample (default 3). Every class needs at least k + 1 samples.
    public var neighborCount: Int
    /// μ ∈ (0, 1], the weight of the push (impostor) term; the pull term has weight 1 − μ (default 0.5).
    public var pushWeight: Double
    /// The output dimension (rows of L); nil keeps the input dimension.
    public var componentCount: Int?
    /// How L starts (default `.pca`); the target neighbours are chosen in that starting space.
    public var initialization: Initialization
    /// The penalty on margin violations (default `.hinge`).
    public var loss: Loss
    /// The most L-BFGS iterations (default 100). PyLMNN's `max_iter` is 50 for its smooth squared hinge; the
    /// plain hinge takes L-BFGS more iterations (14–63 on standardised iris and wine training folds).
    public var maxIterations: Int
    /// L-BFGS stops when ‖∇f‖∞ ≤ this or the relative decrease of f in an iteration is ≤ this (default 1e-5,
    /// PyLMNN's `tol`, which SciPy applies to both).
    public var tolerance: Double
    /// Seed of `.random` initialization (default 0).
    public var seed: UInt64

    /// Creates an LMNN configuration; parameters are checked in `fit`.
    public init(neighborCount: Int = 3, pushWeight: Double = 0.5, componentCount: Int? = nil,
                initialization: Initialization = .pca, loss: Loss = .hinge, maxIterations: Int = 100,
                tolerance: Double = 1e-5, seed: UInt64 = 0) {
        self.neighborCount = neighborCount
        self.pushWeight = pushWeight
        self.componentCount = componentCount
        self.initialization = initialization
        self.loss = loss
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
    }

    /// This configuration as `.lmnn`, for reports and model files.
    public var configuration: LearnerConfiguration { .lmnn(self) }

    /// Learns L from samples and labels, starting from `initialization`.
    ///
    /// - Throws: `classTooSmall` naming a class with fewer than `neighborCount` + 1 samples, `invalidParameter`
    ///   for a bad parameter, and the input errors of every learner.
    public func fit(_ x: Matrix, labels: [Int], progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        try validate(x, labels: labels)
        let k = componentCount ?? x.columnCount
        var generator = SeededGenerator(seed: seed)
        let start = try initialization.components(for: x, labels: labels, componentCount: k, generator: &generator)
        return try minimize(x, labels: labels, from: start, stopwatch: stopwatch, progress: progress)
    }

    /// Learns L starting from a fitted metric's components (a warm start); `initialization` is not used.
    ///
    /// - Throws: `featureCountMismatch` when `metric` was fitted on another width, `invalidParameter` when
    ///   `componentCount` is set and differs from the metric's output dimension.
    public func fit(_ x: Matrix, labels: [Int], startingFrom metric: MahalanobisMetric,
                    progress: ((OptimizationProgress) -> Void)? = nil) throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        try validate(x, labels: labels)
        guard metric.inputDimension == x.columnCount else {
            throw .featureCountMismatch(expected: metric.inputDimension, actual: x.columnCount)
        }
        if let componentCount {
            try Validation.require(componentCount == metric.outputDimension, "componentCount", componentCount,
                                   "must equal the starting metric's output dimension (\(metric.outputDimension))")
        }
        return try minimize(x, labels: labels, from: metric.components, stopwatch: stopwatch, progress: progress)
    }

    private func validate(_ x: Matrix, labels: [Int]) throws(MetricLearnError) {
        try Validation.require(neighborCount >= 1, "neighborCount", neighborCount, "must be at least 1")
        try Validation.checkLabeled(x, labels: labels,
                                    minimumClassSize: neighborCount < .max ? neighborCount + 1 : .max)
        try Validation.require(pushWeight > 0 && pushWeight <= 1, "pushWeight", pushWeight, "must be in (0, 1]")
        try Validation.require(maxIterations >= 0, "maxIterations", maxIterations, "must be non-negative")
        try Validation.require(tolerance >= 0 && tolerance.isFinite, "tolerance", tolerance,
                               "must be finite and non-negative")
        if let componentCount {
            try Validation.require(componentCount >= 1 && componentCount <= x.columnCount, "componentCount",
                                   componentCount, "must be between 1 and the feature count (\(x.columnCount))")
        }
    }

    private func minimize(_ x: Matrix, labels: [Int], from start: Matrix, stopwatch: Stopwatch,
                          progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let targets = Self.targetNeighbors(in: x.timesTransposed(start), labels: labels, count: neighborCount)
        let objective = LMNNObjective(x: x, labels: labels, targets: targets, neighborCount: neighborCount,
                                      componentCount: start.rowCount, pushWeight: pushWeight, loss: loss)
        let solver = LBFGS(maxIterations: maxIterations, gradientTolerance: tolerance, relativeTolerance: tolerance)
        let result = solver.minimize(objective, from: start.elements, progress: progress)
        guard result.value.isFinite else {
            throw .invalidParameter(name: "x", value: "features",
                                    requirement: "squared distances overflow Double; rescale the features")
        }
        let statistics = objective.statistics(at: result.point)
        let report = FitReport(learner: configuration, iterations: result.report.iterations,
                               didConverge: result.report.didConverge, objectiveHistory: result.report.objectiveHistory,
                               fitSeconds: stopwatch.elapsedSeconds,
                               details: ["activeTriplets": Double(statistics.activeTriplets),
                                         "impostorPairs": Double(statistics.impostorPairs),
                                         "evaluations": Double(result.report.evaluations)])
        return MahalanobisMetric(components: Matrix(rowCount: start.rowCount, columnCount: x.columnCount,
                                                    elements: result.point), report: report)
    }
}
