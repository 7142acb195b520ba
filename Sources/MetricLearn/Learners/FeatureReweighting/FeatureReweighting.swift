/// Learns one non-negative weight w_l per feature: the diagonal metric M = diag(w²), L = diag(w), so the
/// learned distance is √(Σ_l w_l²(a_l − b_l)²). The weights, by feature name and most important first,
/// are in the fitted metric's `featureWeights`.
///
/// Both methods compare features on a common scale only if the data is on one: standardise first.
///
/// With more features than samples (d > n) the components are those of M in the span of the centred samples
/// (`r×d`, r < n) rather than the d×d diag(w): distances between the training samples are M's exactly, and a
/// difference outside their span counts by its projection onto it (as in whitening). `featureWeights` keep w.
/// See <doc:Algorithm-FeatureReweighting>.
public struct FeatureReweighting: MetricLearner {
    /// How the weights are learned.
    public enum Method: Sendable, Hashable, Codable {
        /// Regularised diagonal NCA (Yang, Wang & Zuo 2012; MATLAB `fscnca`): L-BFGS from w = 1 maximises
        /// (1/n)·Σᵢ pᵢ − λ·‖w‖², where pᵢ is NCA's leave-one-out probability under the weighted L1 distance
        /// Σ_l w_l²·|a_l − b_l| used for fitting. λ = `regularization`, 1/n when nil (`fscnca`'s default);
        /// larger values drive more weights to 0. The fitted metric is the Mahalanobis one, M = diag(w²).
        case nca(regularization: Double? = nil)
        /// ReliefF (Kononenko 1994) with `neighborCount` nearest hits and misses per class. The ReliefF score
        /// W_l, raised to 0 if negative, weighs feature l's squared difference: M = diag(max(W, 0)), so the
        /// weight (the scaling of the feature) is w_l = √max(W_l, 0), and W_l = w_l².
        case reliefF(neighborCount: Int = FeatureReweighting.defaultReliefNeighborCount)
    }

    /// How the weights are learned (default `.nca()`).
    public var method: Method
    /// The most L-BFGS iterations of `.nca` (default 200).
    public var maxIterations: Int
    /// `.nca` stops when ‖∇‖∞ or the relative decrease of its objective falls to this (default 1e-6).
    public var tolerance: Double
    /// The seed of `.nca`'s stochastic solver's batches (full-batch `.nca` and `.reliefF` are deterministic and do
    /// not use it).
    public var seed: UInt64
    /// `.nca`'s solver: full-batch L-BFGS or stochastic Adam (default `.auto`: stochastic above
    /// `Solver.automaticSampleCount` samples).
    public var solver: Solver
    /// `.nca`'s stochastic solver's samples per mini-batch (default 512).
    public var batchSize: Int
    /// `.nca`'s stochastic solver's most epochs (default 20).
    public var epochs: Int

    /// Creates a feature-reweighting configuration.
    public init(method: Method = .nca(), maxIterations: Int = 200, tolerance: Double = 1e-6, seed: UInt64 = 0,
                solver: Solver = .auto, batchSize: Int = Solver.defaultBatchSize, epochs: Int = Solver.defaultEpochs) {
        self.method = method
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
        self.solver = solver
        self.batchSize = batchSize
        self.epochs = epochs
    }

    /// The default configuration.
    public init() { self.init(method: .nca()) }

    /// ReliefF's default number of nearest hits and misses per class.
    public static let defaultReliefNeighborCount = 10

    /// Both methods weigh raw feature differences (diagonal NCA starts from w = 1, ReliefF's scores are
    /// range-scaled in the raw units), so they depend on the units of the features.
    public var isScaleInvariant: Bool { false }

    /// Learns the feature weights from samples (rows of `x`) and their class labels.
    ///
    /// For `.nca`, `report.objectiveHistory` holds (1/n)·Σᵢ pᵢ − λ‖w‖² (index 0 at w = 1, non-decreasing);
    /// `.reliefF` is closed-form and reports `details["clampedFeatureCount"]`, the scores raised to 0.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let labels = try supervision.classLabels(for: Self.registration)
        try Validation.checkLabeled(x, labels: labels)
        try validateParameters(featureCount: x.columnCount)
        let weights: [Double]
        let report: FitReport
        switch method {
        case let .nca(regularization):
            let solver = IterativeFit(maxIterations: maxIterations, tolerance: tolerance, maximizes: true)
            let lambda = regularization ?? 1 / Double(x.rowCount)
            let fit = try solver.minimize(
                sampleCount: x.rowCount,
                settings: IterativeFit.StochasticSettings(solver: self.solver, batchSize: batchSize, epochs: epochs,
                                                          seed: seed),
                full: { DiagonalNCAObjective(x: x, labels: labels, regularization: lambda) },
                batched: { DiagonalNCABatchObjective(x: x, labels: labels, regularization: lambda) },
                from: [Double](repeating: 1, count: x.columnCount), progress: progress, learner: configuration,
                stopwatch: stopwatch, details: { _ in ["regularization": lambda] })
            weights = fit.point.map(abs)
            report = fit.report
        case let .reliefF(neighborCount):
            let relief = x.reliefFWeights(labels: labels, neighborCount: neighborCount)
            weights = relief.map { max($0, 0).squareRoot() }
            report = FitReport(learner: configuration, fitSeconds: stopwatch.elapsedSeconds,
                               details: ["clampedFeatureCount": Double(relief.filter { $0 < 0 }.count)])
        }
        let names = FeatureTable.unnamedColumns(x.columnCount)
        let ranked = weights.indices.sorted { (-weights[$0], $0) < (-weights[$1], $1) }
        let components = x.columnCount > x.rowCount
            ? try x.diagonalMetricComponentsInSpan(weights: weights) : Matrix(diagonal: weights)
        return MahalanobisMetric(components: components, featureNames: names,
                                 featureWeights: ranked.map { FeatureWeight(feature: names[$0], weight: weights[$0]) },
                                 report: report)
    }
}

extension FeatureReweighting {
    private enum CodingKeys: String, CodingKey {
        case method, maxIterations, tolerance, seed, solver, batchSize, epochs
    }

    /// Decodes a configuration; one saved before the stochastic solver existed reads with its defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let settings = try container.decodeSolverSettings(keys: (.solver, .batchSize, .epochs))
        self.init(method: try container.decode(Method.self, forKey: .method),
                  maxIterations: try container.decode(Int.self, forKey: .maxIterations),
                  tolerance: try container.decode(Double.self, forKey: .tolerance),
                  seed: try container.decode(UInt64.self, forKey: .seed),
                  solver: settings.solver, batchSize: settings.batchSize, epochs: settings.epochs)
    }

    /// Encodes the configuration; the solver parameters only when they differ from their defaults.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(maxIterations, forKey: .maxIterations)
        try container.encode(tolerance, forKey: .tolerance)
        try container.encode(seed, forKey: .seed)
        try container.encodeSolverSettings(solver, batchSize: batchSize, epochs: epochs,
                                           keys: (.solver, .batchSize, .epochs))
    }
}
