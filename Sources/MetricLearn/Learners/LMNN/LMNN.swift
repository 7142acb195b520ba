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
///
/// Users with relative judgements instead of labels give triplets (a, p, n), "a is closer to p than to n"
/// (`Supervision.triplets`): the positives become the target neighbours and the negatives the impostors of the same
/// objective, Σ over distinct (a, p) of the pull plus Σ over triplets of the hinge (`neighborCount` does not apply).
public struct LMNN: WarmStartLearner {
    /// The penalty ℓ on a violated margin h = 1 + dᵢⱼ − dᵢₗ > 0.
    public enum Loss: String, Sendable, Hashable, Codable, CaseIterable, KebabCaseParameterValue {
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

    /// The default configuration.
    public init() { self.init(neighborCount: 3) }

    /// LMNN's unit margin compares raw distances, so it depends on the units of the features.
    public var isScaleInvariant: Bool { false }

    /// Learns L from samples and class labels, or from triplets (`Supervision.triplets`: each positive is a target
    /// neighbour of its anchor, each negative an impostor, with the same objective and solver), starting from
    /// `initialization` (`.lda` needs labels; `.auto` without labels is `.pca` or `.identity`).
    ///
    /// - Throws: `classTooSmall` naming a class with fewer than `neighborCount` + 1 samples, `invalidParameter`
    ///   for a bad parameter, and the input errors of every learner.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        if case let .triplets(constraints) = supervision {
            let solver = try validate(x, triplets: constraints)
            let k = componentCount ?? x.columnCount
            try IterativeFit.requireMemory(of: "lmnn", componentCount: k, featureCount: x.columnCount,
                                           sampleCount: x.rowCount)
            var generator = SeededGenerator(seed: seed)
            let start = try initialization.components(for: x, labels: nil, componentCount: k, generator: &generator)
            return try minimize(x, triplets: constraints, from: start, solver: solver, stopwatch: stopwatch,
                                progress: progress)
        }
        let labels = try supervision.classLabels(for: Self.registration)
        let solver = try validate(x, labels: labels)
        let k = componentCount ?? x.columnCount
        try IterativeFit.requireMemory(of: "lmnn", componentCount: k, featureCount: x.columnCount, sampleCount: x.rowCount)
        var generator = SeededGenerator(seed: seed)
        let start = try initialization.components(for: x, labels: labels, componentCount: k, generator: &generator)
        return try minimize(x, labels: labels, from: start, solver: solver, stopwatch: stopwatch, progress: progress)
    }

    /// Learns L starting from a fitted metric's components (a warm start); `initialization` is not used.
    public func fit(_ x: Matrix, supervision: Supervision, startingFrom metric: MahalanobisMetric,
                    progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        if case let .triplets(constraints) = supervision {
            let solver = try validate(x, triplets: constraints)
            let start = try IterativeFit.warmStart(from: metric, featureCount: x.columnCount,
                                                   componentCount: componentCount)
            return try minimize(x, triplets: constraints, from: start, solver: solver, stopwatch: stopwatch,
                                progress: progress)
        }
        let labels = try supervision.classLabels(for: Self.registration)
        let solver = try validate(x, labels: labels)
        let start = try IterativeFit.warmStart(from: metric, featureCount: x.columnCount, componentCount: componentCount)
        return try minimize(x, labels: labels, from: start, solver: solver, stopwatch: stopwatch, progress: progress)
    }

    private func validate(_ x: Matrix, labels: [Int]) throws(MetricLearnError) -> IterativeFit {
        try Validation.checkLabeled(x, labels: labels,
                                    minimumClassSize: neighborCount < .max ? neighborCount + 1 : .max)
        return try validateShared(featureCount: x.columnCount)
    }

    /// The checks of a fit from triplets (`neighborCount` does not apply: the positives are the target neighbours).
    private func validate(_ x: Matrix, triplets: TripletConstraints) throws(MetricLearnError) -> IterativeFit {
        try Validation.checkFeatures(x)
        try triplets.validate(sampleCount: x.rowCount)
        return try validateShared(featureCount: x.columnCount)
    }

    private func validateShared(featureCount d: Int) throws(MetricLearnError) -> IterativeFit {
        try validateParameters(featureCount: d)
        return IterativeFit(maxIterations: maxIterations, tolerance: tolerance, maximizes: false)
    }

    private func minimize(_ x: Matrix, labels: [Int], from start: Matrix, solver: IterativeFit, stopwatch: Stopwatch,
                          progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let targets = Self.targetNeighbors(in: x.timesTransposed(start), labels: labels, count: neighborCount)
        let objective = LMNNObjective(x: x, labels: labels, targets: targets, neighborCount: neighborCount,
                                      componentCount: start.rowCount, pushWeight: pushWeight, loss: loss)
        let result = solver.run(objective, from: start.elements, progress: progress)
        let statistics = objective.statistics(at: result.point)
        let report = try solver.report(of: configuration, result: result, stopwatch: stopwatch,
                                   details: ["activeTriplets": Double(statistics.activeTriplets),
                                             "impostorPairs": Double(statistics.impostorPairs)])
        return MahalanobisMetric(components: Matrix(rowCount: start.rowCount, columnCount: x.columnCount,
                                                    elements: result.point), report: report)
    }

    /// Minimises the triplet form of the objective (`LMNNTripletObjective`) from `start`.
    private func minimize(_ x: Matrix, triplets: TripletConstraints, from start: Matrix, solver: IterativeFit,
                          stopwatch: Stopwatch, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let objective = LMNNTripletObjective(x: x, constraints: triplets, componentCount: start.rowCount,
                                             pushWeight: pushWeight, loss: loss)
        let result = solver.run(objective, from: start.elements, progress: progress)
        let report = try solver.report(of: configuration, result: result, stopwatch: stopwatch,
                                       details: ["activeTriplets": Double(objective.activeTriplets(at: result.point)),
                                                 "tripletCount": Double(triplets.count),
                                                 "targetPairs": Double(objective.targetPairs.count)])
        return MahalanobisMetric(components: Matrix(rowCount: start.rowCount, columnCount: x.columnCount,
                                                    elements: result.point), report: report)
    }
}
