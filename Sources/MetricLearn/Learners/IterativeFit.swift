/// What every iterative learner shares: the rules for `maxIterations` and `tolerance` (declared with their
/// parameters, `IterativeFit.maxIterationsRule` and `toleranceRule`), the warm-start check, the L-BFGS run (both of
/// its tolerances at `tolerance`, as scikit-learn passes `tol`), the rule that the objective stays finite, and the
/// fit report built from the solver's result.
struct IterativeFit {
    /// The most iterations.
    let maxIterations: Int
    /// The solver's stopping tolerance.
    let tolerance: Double
    /// Whether the learner maximises its objective f: the solver then minimises −f, and progress and the
    /// objective history report f.
    let maximizes: Bool

    /// An L-BFGS fit (its parameters were checked by the learner's registration).
    init(maxIterations: Int, tolerance: Double, maximizes: Bool) {
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.maximizes = maximizes
    }

    /// The rule of every iterative learner's `maxIterations`: at least one iteration.
    static let maxIterationsRule = ParameterRule.positiveCount

    /// The rule of every iterative learner's `tolerance`: finite and non-negative.
    static let toleranceRule = ParameterRule.finiteNonNegative

    /// Refuses a fit of `learner` (components L, k×d, on n samples) whose L-BFGS state (2·history + 8 vectors of
    /// k·d numbers) and copies of the data (3·n·d) would need more memory than there is: NCA keeping every one of
    /// 30 000 features as a component has 9·10⁸ parameters and needs some 200 GB; a component count is the way out.
    static func requireMemory(of learner: String, componentCount k: Int, featureCount d: Int,
                              sampleCount n: Int) throws(MetricLearnError) {
        let vectors = Double(2 * LBFGS().historySize + 8)
        try MemoryBudget.require(doubles: vectors * Double(k) * Double(d) + 3 * Double(n) * Double(d),
                                 for: "\(learner) with \(k) components of \(d) features",
                                 remedies: [.fewerComponents, .fewerFeatures])
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
    ///
    /// - Throws: `invalidData` (features) when the objective or its gradient is not finite: the solver stops at once
    ///   when they overflow at its start (features near 1e±160, a constant column near 1.7e308), which is no fit at
    ///   all and no reason to raise the iteration limit; standardised features fit.
    func report(of learner: LearnerConfiguration, result: OptimizationResult, stopwatch: Stopwatch,
                details: [String: Double]) throws(MetricLearnError) -> FitReport {
        guard result.report.stopReason != .nonFiniteValue && result.value.isFinite else {
            throw Self.nonFiniteObjective(of: learner)
        }
        try Self.checkObjective(result.report.objectiveHistory, of: learner)
        let sign = maximizes ? -1.0 : 1.0
        return FitReport(learner: learner, iterations: result.report.iterations,
                         didConverge: result.report.didConverge,
                         objectiveHistory: result.report.objectiveHistory.map { sign * $0 },
                         fitSeconds: stopwatch.elapsedSeconds,
                         details: details.merging(["evaluations": Double(result.report.evaluations)]) { $1 })
    }

    /// The rule every iterative learner's report follows: the objective stays finite along the fit, so a report never
    /// holds an infinity or NaN and no fit with a non-finite objective is returned, converged or not.
    ///
    /// - Throws: `invalidData` (features) naming the learner when a value of `history` is not finite.
    static func checkObjective(_ history: [Double], of learner: LearnerConfiguration) throws(MetricLearnError) {
        guard history.allSatisfy(\.isFinite) else { throw nonFiniteObjective(of: learner) }
    }

    private static func nonFiniteObjective(of learner: LearnerConfiguration) -> MetricLearnError {
        Validation.featureScale("\(learner.name)'s objective or its gradient is not finite on them (they overflow "
                                    + "Double); standardise the features")
    }

    /// The starting components of a fit of `learner` (its parameters validated) on `x`: `metric`'s when given (see
    /// `warmStart`), otherwise — once `requireMemory` accepts the fit — `initialization`'s for class `labels` (nil:
    /// regression targets) with the output dimension `componentCount` (nil: d), random choices drawn from `seed`.
    static func start(of learner: String, from metric: MahalanobisMetric?, x: Matrix, labels: [Int]?,
                      componentCount: Int?, initialization: Initialization,
                      seed: UInt64) throws(MetricLearnError) -> Matrix {
        let (n, d) = (x.rowCount, x.columnCount)
        if let metric { return try warmStart(from: metric, featureCount: d, componentCount: componentCount) }
        let k = componentCount ?? d
        try requireMemory(of: learner, componentCount: k, featureCount: d, sampleCount: n)
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
