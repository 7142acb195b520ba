/// Large margin nearest neighbour metric learning (Weinberger & Saul 2009).
///
/// Each sample's target neighbours are its `neighborCount` nearest same-class samples after the initial
/// transform, fixed for the fit. LMNN then learns L (k × d) that pulls target neighbours close while pushing
/// every differently labelled sample (impostor) at least a unit margin further away than each target:
///
///   f(L) = (1 − μ)·Σᵢ Σ_{j∈T(i)} ‖L(xᵢ − xⱼ)‖² + μ·Σᵢ Σ_{j∈T(i)} Σ_{l: y_l ≠ yᵢ} [1 + ‖L(xᵢ − xⱼ)‖² − ‖L(xᵢ − x_l)‖²]₊
///
/// minimised over L with L-BFGS (as PyLMNN does), so a low-rank `componentCount` works. Impostors are found in
/// row blocks of the projected data and kept as a sparse list, never an n×n matrix. Above
/// `Solver.automaticSampleCount` samples (or with `solver` `.stochastic`) `Adam` minimises f on stratified
/// mini-batches instead, each batch's impostors drawn from the batch (`LMNNBatchObjective`, <doc:LargeTables>).
/// See <doc:Algorithm-LMNN>.
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
    /// Seed of `.random` initialization and of the stochastic solver's batches (default 0).
    public var seed: UInt64
    /// Full-batch L-BFGS or stochastic Adam (default `.auto`: stochastic above `Solver.automaticSampleCount`
    /// samples). Triplets are always fitted full batch.
    public var solver: Solver
    /// The stochastic solver's samples per mini-batch (default 512).
    public var batchSize: Int
    /// The stochastic solver's most epochs (default 20).
    public var epochs: Int

    /// Creates an LMNN configuration; parameters are checked in `fit`.
    public init(neighborCount: Int = 3, pushWeight: Double = 0.5, componentCount: Int? = nil,
                initialization: Initialization = .pca, loss: Loss = .hinge, maxIterations: Int = 100,
                tolerance: Double = 1e-5, seed: UInt64 = 0, solver: Solver = .auto,
                batchSize: Int = Solver.defaultBatchSize, epochs: Int = Solver.defaultEpochs) {
        self.neighborCount = neighborCount
        self.pushWeight = pushWeight
        self.componentCount = componentCount
        self.initialization = initialization
        self.loss = loss
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
        self.solver = solver
        self.batchSize = batchSize
        self.epochs = epochs
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
    ///   for a bad parameter (`solver` `.stochastic` with triplets), and the input errors of every learner.
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
        guard solver != .stochastic else {
            throw .invalidParameter(name: "solver", value: "stochastic",
                                    requirement: "must be auto or full-batch with triplets (they are fitted full batch)")
        }
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
        let settings = IterativeFit.StochasticSettings(solver: self.solver, batchSize: batchSize, epochs: epochs,
                                                       seed: seed)
        var fit = try solver.minimize(
            sampleCount: x.rowCount, settings: settings, full: { objective },
            batched: { LMNNBatchObjective(x: x, labels: labels, targets: targets, loss: objective.loss) },
            from: start.elements, progress: progress, learner: configuration, stopwatch: stopwatch, details: { _ in [:] })
        if !settings.solver.isStochastic(sampleCount: x.rowCount) {
            // The full objective's statistics; a stochastic fit has no full impostor search to count them from.
            let statistics = objective.statistics(at: fit.point)
            fit.report.details["activeTriplets"] = Double(statistics.activeTriplets)
            fit.report.details["impostorPairs"] = Double(statistics.impostorPairs)
        }
        return MahalanobisMetric(components: Matrix(rowCount: start.rowCount, columnCount: x.columnCount,
                                                    elements: fit.point), report: fit.report)
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

extension LMNN {
    private enum CodingKeys: String, CodingKey {
        case neighborCount, pushWeight, componentCount, initialization, loss, maxIterations, tolerance, seed
        case solver, batchSize, epochs
    }

    /// Decodes a configuration; one saved before the stochastic solver existed reads with its defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let settings = try container.decodeSolverSettings(keys: (.solver, .batchSize, .epochs))
        self.init(neighborCount: try container.decode(Int.self, forKey: .neighborCount),
                  pushWeight: try container.decode(Double.self, forKey: .pushWeight),
                  componentCount: try container.decodeIfPresent(Int.self, forKey: .componentCount),
                  initialization: try container.decode(Initialization.self, forKey: .initialization),
                  loss: try container.decode(Loss.self, forKey: .loss),
                  maxIterations: try container.decode(Int.self, forKey: .maxIterations),
                  tolerance: try container.decode(Double.self, forKey: .tolerance),
                  seed: try container.decode(UInt64.self, forKey: .seed),
                  solver: settings.solver, batchSize: settings.batchSize, epochs: settings.epochs)
    }

    /// Encodes the configuration; the solver parameters only when they differ from their defaults, so a model that
    /// keeps them reads as it did before they existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(neighborCount, forKey: .neighborCount)
        try container.encode(pushWeight, forKey: .pushWeight)
        try container.encodeIfPresent(componentCount, forKey: .componentCount)
        try container.encode(initialization, forKey: .initialization)
        try container.encode(loss, forKey: .loss)
        try container.encode(maxIterations, forKey: .maxIterations)
        try container.encode(tolerance, forKey: .tolerance)
        try container.encode(seed, forKey: .seed)
        try container.encodeSolverSettings(solver, batchSize: batchSize, epochs: epochs,
                                           keys: (.solver, .batchSize, .epochs))
    }
}
