/// What every iterative learner shares: the rules for `maxIterations` and `tolerance`, the warm-start check,
/// the L-BFGS run (both of its tolerances at `tolerance`, as scikit-learn passes `tol`), and the fit report
/// built from the solver's result.
struct IterativeFit {
    /// The most iterations.
    let maxIterations: Int
    /// The solver's stopping tolerance.
    let tolerance: Double
    /// Whether the learner maximises its objective f: the solver then minimises −f, and progress and the
    /// objective history report f.
    let maximizes: Bool

    /// An L-BFGS fit, its parameters checked by `checkBudget`.
    init(maxIterations: Int, tolerance: Double, maximizes: Bool) throws(MetricLearnError) {
        try Self.checkBudget(maxIterations: maxIterations, tolerance: tolerance)
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.maximizes = maximizes
    }

    /// The rule for the two parameters every iterative learner has: at least one iteration, a finite
    /// non-negative tolerance.
    static func checkBudget(maxIterations: Int, tolerance: Double) throws(MetricLearnError) {
        try Validation.require(maxIterations >= 1, "maxIterations", maxIterations, "must be at least 1")
        try Validation.require(tolerance >= 0 && tolerance.isFinite, "tolerance", tolerance,
                               "must be finite and non-negative")
    }

    /// Runs L-BFGS on `objective` from `start`.
    func run(_ objective: some DifferentiableObjective, from start: [Double],
             progress: ((OptimizationProgress) -> Void)?) -> OptimizationResult {
        let solver = LBFGS(maxIterations: maxIterations, gradientTolerance: tolerance, relativeTolerance: tolerance)
        let sign = maximizes ? -1.0 : 1.0
        return solver.minimize(objective, from: start, progress: progress.map { report in
            { report(OptimizationProgress(iteration: $0.iteration, value: sign * $0.value, gradientNorm: $0.gradientNorm)) }
        })
    }

    /// The report of a fit that ended with `result`: iterations, convergence (never with a non-finite
    /// objective), the objective history in the learner's sign, and the evaluation count among `details`.
    func report(of learner: LearnerConfiguration, result: OptimizationResult, stopwatch: Stopwatch,
                details: [String: Double]) -> FitReport {
        let sign = maximizes ? -1.0 : 1.0
        return FitReport(learner: learner, iterations: result.report.iterations,
                         didConverge: result.report.didConverge && result.value.isFinite,
                         objectiveHistory: result.report.objectiveHistory.map { sign * $0 },
                         fitSeconds: stopwatch.elapsedSeconds,
                         details: details.merging(["evaluations": Double(result.report.evaluations)]) { $1 })
    }

    /// The starting components of a fit on `x`: `metric`'s when given (see `warmStart`), otherwise
    /// `initialization`'s for class `labels` (nil: regression targets) with the output dimension
    /// `componentCount` (nil: d), which must be in 1...d, random choices drawn from `seed`.
    static func start(from metric: MahalanobisMetric?, x: Matrix, labels: [Int]?, componentCount: Int?,
                      initialization: Initialization, seed: UInt64) throws(MetricLearnError) -> Matrix {
        let d = x.columnCount
        if let metric { return try warmStart(from: metric, featureCount: d, componentCount: componentCount) }
        let k = componentCount ?? d
        try Validation.require(k >= 1 && k <= d, "componentCount", k, "must be between 1 and the feature count (\(d))")
        var generator = SeededGenerator(seed: seed)
        return try initialization.components(for: x, labels: labels, componentCount: k, generator: &generator)
    }

    /// The components of `metric` as the start of a fit on `featureCount` features: `componentCount`, when set,
    /// must be the metric's output dimension (nil takes the metric's).
    ///
    /// - Throws: `featureCountMismatch` when `metric` was learned on another number of features,
    ///   `invalidParameter` (componentCount) for another output dimension.
    static func warmStart(from metric: MahalanobisMetric, featureCount: Int,
                          componentCount: Int?) throws(MetricLearnError) -> Matrix {
        guard metric.inputDimension == featureCount else {
            throw .featureCountMismatch(expected: metric.inputDimension, actual: featureCount)
        }
        if let componentCount {
            try Validation.require(componentCount == metric.outputDimension, "componentCount", componentCount,
                                   "must equal the starting metric's output dimension (\(metric.outputDimension))")
        }
        return metric.components
    }
}
