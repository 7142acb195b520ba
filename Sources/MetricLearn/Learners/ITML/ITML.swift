/// Information-theoretic metric learning (Davis, Kulis, Jain, Sra & Dhillon 2007).
///
/// ITML finds the Mahalanobis matrix M closest to a prior M₀ in LogDet divergence,
/// D_ld(M, M₀) = tr(M M₀⁻¹) − log det(M M₀⁻¹) − d, such that similar pairs have squared distance
/// (xᵢ − xⱼ)ᵀM(xᵢ − xⱼ) ≤ `lower` and dissimilar pairs ≥ `upper`, softened by slack with weight `slack`.
/// It cycles through the constraints, projecting onto one at a time with a rank-one update
/// M ← M + β·M·v·vᵀ·M (O(d²) each), so M stays symmetric positive definite (paper's Algorithm 1,
/// with the step of the authors' released code, as metric-learn). See <doc:Algorithm-ITML>.
///
/// One type, two entry points: `fit(_:labels:)` samples pairs from class labels, and
/// `fit(_:constraints:)` takes the pairs from the caller.
public struct ITML: MetricLearner {
    /// The matrix M₀ that ITML stays close to.
    public enum Prior: Sendable, Hashable, Codable {
        /// M₀ = I: start from the Euclidean distance.
        case identity
        /// M₀ = Σ⁻¹, the inverse covariance of the rows of `x`; needs a non-singular covariance.
        case covariance
        /// A given d×d symmetric positive definite matrix.
        case matrix(Matrix)

        /// `.matrix(M₀)` encodes as `{"matrix": {"metric": M₀}}`.
        private enum MatrixCodingKeys: String, CodingKey { case _0 = "metric" }
    }

    /// The squared-distance thresholds of the constraints.
    public enum Bounds: Sendable, Hashable, Codable {
        /// The 5th and 95th percentiles of the prior distances √(vᵀM₀v) of the constrained pairs, used as bounds
        /// on squared distances (metric-learn's use of its percentiles).
        case automatic
        /// Similar pairs should have squared distance ≤ `lower`, dissimilar pairs ≥ `upper` (0 < lower ≤ upper).
        case given(lower: Double, upper: Double)
    }

    /// The prior M₀ (default `.identity`).
    public var prior: Prior
    /// The distance thresholds (default `.automatic`).
    public var bounds: Bounds
    /// γ, the weight of the slack term: larger values enforce the constraints more strictly; a very large
    /// value (say 1e9) makes them practically hard (default 1).
    public var slack: Double
    /// The most sweeps through all constraints (default 1000).
    public var maxIterations: Int
    /// Stop when Σ|λ − λ_prev| / (‖λ‖ + ‖λ_prev‖) between sweeps falls below this (default 1e-3).
    public var tolerance: Double
    /// Similar pairs and dissimilar pairs (each) that `fit(_:labels:)` samples; nil means 20·c² for c classes.
    public var constraintCount: Int?
    /// Seed of the pair sampling in `fit(_:labels:)` (default 0).
    public var seed: UInt64

    /// Creates an ITML configuration; parameters are checked in `fit`.
    public init(prior: Prior = .identity, bounds: Bounds = .automatic, slack: Double = 1,
                maxIterations: Int = 1000, tolerance: Double = 1e-3, constraintCount: Int? = nil, seed: UInt64 = 0) {
        self.prior = prior
        self.bounds = bounds
        self.slack = slack
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.constraintCount = constraintCount
        self.seed = seed
    }

    /// The default configuration.
    public init() { self.init(prior: .identity) }

    /// With the covariance prior M₀ = C⁻¹ the fit ignores the units (the LogDet divergence is invariant under
    /// M ↦ D⁻¹MD⁻¹, sampled pairs depend on the labels only, automatic bounds are prior distances); the
    /// identity prior is Euclidean and does not.
    public var isScaleInvariant: Bool { prior == .covariance }

    /// Learns a metric from class labels or from given pairs (`Supervision.pairConstraints`): from labels it
    /// draws `constraintCount` (default 20·c²) similar pairs and as many dissimilar pairs with `seed` (see
    /// `PairConstraints.sampled`), then runs ITML on them.
    ///
    /// `progress` is called after each sweep; its `gradientNorm` carries the relative change of the dual
    /// variables, the quantity compared with `tolerance`.
    /// - Throws: `invalidData` naming the pair (e.g. `constraints.similar[3]`) for an index out of range or a
    ///   pair of a sample with itself, and for given pairs of one kind only.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let constraints = try supervision.pairConstraints(for: Self.registration, x: x, sampling: constraintCount,
                                                          seed: seed)
        try validateParameters(featureCount: x.columnCount)
        return try project(x, constraints: constraints, stopwatch: stopwatch, progress: progress)
    }

    /// Learns a metric from class labels (pairs sampled as `fit(_:supervision:progress:)` says).
    public func fit(_ x: Matrix, labels: [Int], progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, supervision: .classLabels(labels), progress: progress)
    }

    /// Learns a metric from given similar and dissimilar pairs of rows of `x`.
    public func fit(_ x: Matrix, constraints: PairConstraints, progress: ((OptimizationProgress) -> Void)? = nil)
        throws(MetricLearnError) -> MahalanobisMetric {
        try fit(x, supervision: .pairs(constraints), progress: progress)
    }
}
