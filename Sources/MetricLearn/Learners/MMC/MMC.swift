/// Mahalanobis metric for clustering (Xing, Ng, Jordan & Russell 2002), as metric-learn 0.7 solves it.
///
/// MMC maximises the sum of distances of dissimilar pairs while the sum of squared distances of similar pairs stays
/// small:
///
///   max_M  g(M) = log Σ_{D} √(vᵀMv)   subject to   Σ_{S} vᵀMv ≤ t,   M ⪰ 0,
///
/// with v = xᵢ − xⱼ and t one hundredth of the similar pairs' sum under the starting metric. The full solver
/// alternates a gradient step (the gradient of g made orthogonal to that of the constraint) with projections onto
/// the constraint's half-space and the positive semidefinite cone; the diagonal solver (`shape: .diagonal`)
/// takes Newton steps on M = diag(w), w ≥ 0. Both follow metric-learn's `MMC` step for step (its step sizes, its
/// stopping rules), so they reach its metric. See <doc:Algorithm-MMC>.
///
/// From class labels MMC samples `constraintCount` similar and as many dissimilar pairs (metric-learn's
/// `MMC_Supervised`); from given pairs (`Supervision.pairs`) it uses them.
public struct MMC: MetricLearner {
    /// Whether M is a full matrix or a diagonal (a weight per feature).
    public enum Shape: String, Sendable, Hashable, Codable, CaseIterable, KebabCaseParameterValue {
        /// A full d×d matrix: projected gradient ascent.
        case full
        /// M = diag(w): Newton's method with a halving line search, O(d²) memory, no eigendecompositions.
        case diagonal
    }

    /// The metric the solver starts from.
    public enum Initialization: Sendable, Hashable, Codable {
        /// M₀ = I.
        case identity
        /// M₀ = the pseudo-inverse of the covariance of the rows of `x` (metric-learn takes the rows that occur in
        /// the pairs).
        case covariance
        /// A given d×d symmetric positive semidefinite matrix.
        case matrix(Matrix)

        /// `.matrix(M₀)` encodes as `{"matrix": {"metric": M₀}}`.
        private enum MatrixCodingKeys: String, CodingKey { case _0 = "metric" }
    }

    /// Full or diagonal M (default `.full`).
    public var shape: Shape
    /// The starting metric M₀, which also sets the bound t (default `.identity`).
    public var initialization: Initialization
    /// The most cycles of gradient step and projections (default 100).
    public var maxIterations: Int
    /// The most positive semidefinite projections the full solver evaluates per cycle, in the Newton iteration of
    /// its exact projection (default 10 000; a cycle takes a handful).
    public var maxProjections: Int
    /// Stop when the step, relative to M, falls below this (full), or when the relative change of the objective
    /// does (diagonal) (default 1e-3).
    public var tolerance: Double
    /// C, the weight of the dissimilar pairs' term in the diagonal objective (`.diagonal` only); nil means 1.
    public var dissimilarityWeight: Double?
    /// Similar pairs and dissimilar pairs (each) to sample from class labels; nil means 20·c² for c classes.
    public var constraintCount: Int?
    /// Seed of the pair sampling (default 0).
    public var seed: UInt64

    /// Creates an MMC configuration; parameters are checked in `fit`.
    public init(shape: Shape = .full, initialization: Initialization = .identity, maxIterations: Int = 100,
                maxProjections: Int = 10_000, tolerance: Double = 1e-3, dissimilarityWeight: Double? = nil,
                constraintCount: Int? = nil, seed: UInt64 = 0) {
        self.shape = shape
        self.initialization = initialization
        self.maxIterations = maxIterations
        self.maxProjections = maxProjections
        self.tolerance = tolerance
        self.dissimilarityWeight = dissimilarityWeight
        self.constraintCount = constraintCount
        self.seed = seed
    }

    /// The default configuration.
    public init() { self.init(shape: .full) }

    /// The identity start, the Euclidean gradient steps and projections, and the diagonal solver's fixed
    /// regularisation all depend on the units of the features.
    public var isScaleInvariant: Bool { false }

    /// Learns M from class labels (sampled pairs) or from given pairs.
    ///
    /// `progress` is called after each cycle with g(M) and, as `gradientNorm`, the quantity compared with
    /// `tolerance`.
    /// - Throws: the input and pair errors of every pair learner (`Supervision.pairConstraints`),
    ///   `invalidParameter` for a bad parameter, and `invalidData` when the pairs leave nothing to learn (every
    ///   similar or every dissimilar pair joins identical rows) or, naming the features, when the objective is not
    ///   finite on them.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let constraints = try supervision.pairConstraints(for: Self.registration, x: x, sampling: constraintCount,
                                                          seed: seed)
        try validateParameters(featureCount: x.columnCount)
        try Validation.checkSquaredScale(x)
        try Validation.requireData(!constraints.similar.isEmpty && !constraints.dissimilar.isEmpty, "labels",
                                   "\(constraints.similar.count) similar pairs",
                                   "MMC needs similar and dissimilar pairs; every class has a single sample")
        try PairDifferences.requireMemory(of: "mmc", matrixCount: shape == .full ? 10 : 4, x: x,
                                          constraints: constraints)
        let start = try startingMetric(for: x)
        let pairs = PairDifferences(x, constraints: constraints)
        switch shape {
        case .full:
            return try fitFull(pairs, start: start, stopwatch: stopwatch, progress: progress)
        case .diagonal:
            return try fitDiagonal(pairs, start: start, stopwatch: stopwatch, progress: progress)
        }
    }

    /// M₀ as a d×d matrix.
    private func startingMetric(for x: Matrix) throws(MetricLearnError) -> Matrix {
        switch initialization {
        case .identity:
            return .identity(x.columnCount)
        case .covariance:
            guard x.rowCount > 1 else {
                throw .invalidParameter(name: "initialization", value: "covariance", requirement: "needs two samples")
            }
            do { return try x.covariance().symmetricPseudoInverse() } catch { throw .linearAlgebra(error) }
        case let .matrix(given):
            let eigenvalues: [Double]
            do { eigenvalues = try SymmetricEigendecomposition(given.symmetrized()).eigenvalues } catch {
                throw .linearAlgebra(error)
            }
            try Validation.require(eigenvalues.allSatisfy { $0 >= -1e-10 * max(1, eigenvalues.last ?? 0) },
                                   "initialization", "matrix", "must be positive semidefinite")
            return given.symmetrized()
        }
    }
}

/// The difference vectors v = x_first − x_second of the similar and of the dissimilar pairs, as matrices (one row
/// a pair, in the order given).
struct PairDifferences {
    let similar: Matrix
    let dissimilar: Matrix

    init(_ x: Matrix, constraints: PairConstraints) {
        similar = x.pairDifferences(constraints.similar)
        dissimilar = x.pairDifferences(constraints.dissimilar)
    }

    /// The number of features.
    var dimension: Int { similar.columnCount }

    /// Refuses, with `insufficientMemory` and before anything is allocated, a fit of `learner` on `x` whose
    /// `matrixCount` d×d matrices and copies of the pairs' differences would need more memory than there is.
    static func requireMemory(of learner: String, matrixCount: Double, x: Matrix,
                              constraints: PairConstraints) throws(MetricLearnError) {
        let (m, d) = (Double(constraints.count), Double(x.columnCount))
        try MemoryBudget.require(doubles: matrixCount * d * d + 3 * m * d,
                                 for: "\(learner) on \(x.columnCount) features (\(x.columnCount)×\(x.columnCount) matrices)",
                                 remedies: [.fewerFeatures])
    }
}
