#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Geometric mean metric learning (Zadeh, Hosseini & Sra 2016): a closed-form metric from pairs.
///
/// With S = Σ_S vvᵀ and D = Σ_D vvᵀ over the similar and dissimilar pairs' differences v = xᵢ − xⱼ, GMML minimises
/// Σ_S vᵀMv + Σ_D vᵀM⁻¹v (similar pairs near, dissimilar pairs far, measured by the inverse metric) plus
/// λ times the symmetrised LogDet divergence from a prior M₀. The minimiser is a point on the geodesic between
/// Sλ⁻¹ and Dλ in the Riemannian geometry of positive definite matrices:
///
///   M = Sλ⁻¹ #ₜ Dλ = Sλ^{−½} (Sλ^{½} Dλ Sλ^{½})ᵗ Sλ^{−½},   Sλ = S + λM₀⁻¹,  Dλ = D + λM₀,
///
/// with t = ½ the paper's plain GMML and other t trading the two terms (the paper's weighted version). Two
/// eigendecompositions, O(d³), after O((|S| + |D|)·d²) to form S and D. See <doc:Algorithm-GMML>.
///
/// From class labels GMML samples `constraintCount` similar and as many dissimilar pairs with `seed`; from given
/// pairs (`Supervision.pairs`) it uses them.
public struct GMML: MetricLearner {
    /// The prior M₀ of the regulariser.
    public enum Prior: Sendable, Hashable, Codable {
        /// M₀ = I.
        case identity
        /// A given d×d symmetric positive definite matrix.
        case matrix(Matrix)

        /// `.matrix(M₀)` encodes as `{"matrix": {"metric": M₀}}`.
        private enum MatrixCodingKeys: String, CodingKey { case _0 = "metric" }
    }

    /// t ∈ [0, 1], the position on the geodesic from Sλ⁻¹ (t = 0) to Dλ (t = 1) (default ½).
    public var geodesicStep: Double
    /// λ ≥ 0, the weight of the pull towards `prior` (default 0: none; see `fit` for a singular Σ_S vvᵀ).
    public var regularization: Double
    /// The prior M₀ of the regulariser (default `.identity`); unused when `regularization` is 0.
    public var prior: Prior
    /// Similar pairs and dissimilar pairs (each) to sample from class labels; nil means 20·c² for c classes.
    public var constraintCount: Int?
    /// Seed of the pair sampling (default 0).
    public var seed: UInt64

    /// Creates a GMML configuration; parameters are checked in `fit`.
    public init(geodesicStep: Double = 0.5, regularization: Double = 0, prior: Prior = .identity,
                constraintCount: Int? = nil, seed: UInt64 = 0) {
        self.geodesicStep = geodesicStep
        self.regularization = regularization
        self.prior = prior
        self.constraintCount = constraintCount
        self.seed = seed
    }

    /// The default configuration.
    public init() { self.init(geodesicStep: 0.5) }

    /// The dissimilar pairs are measured by M⁻¹, which a feature scaling x ↦ Dx changes the other way (the
    /// minimiser solves MSM = D), so the fit depends on the units of the features; scaling every feature by one
    /// factor c only scales every distance by c^{2t}.
    public var isScaleInvariant: Bool { false }

    /// Learns M in closed form from class labels (sampled pairs) or from given pairs.
    ///
    /// - Throws: the input and pair errors of every pair learner (`Supervision.pairConstraints`),
    ///   `invalidParameter` for a bad parameter, and `invalidData` when Sλ is singular along a direction in which
    ///   dissimilar pairs differ (too few similar pairs, or a feature constant within each class), or is 0, without
    ///   regularisation. Along directions in which no pair differs (constant or collinear features) M is 0.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let constraints = try supervision.pairConstraints(for: Self.registration, x: x, sampling: constraintCount,
                                                          seed: seed)
        let d = x.columnCount
        try validateParameters(featureCount: d)
        if case let .matrix(m) = prior, let requirement = ParameterRule.metricMatrixViolation(m, featureCount: d) {
            throw .invalidParameter(name: "prior", value: "matrix", requirement: requirement)
        }
        try Validation.checkSquaredScale(x)
        try Validation.requireData(!constraints.similar.isEmpty && !constraints.dissimilar.isEmpty, "labels",
                                   "\(constraints.similar.count) similar pairs",
                                   "GMML needs similar and dissimilar pairs; every class has a single sample")
        try PairDifferences.requireMemory(of: "gmml", matrixCount: 12, x: x, constraints: constraints)
        let pairs = PairDifferences(x, constraints: constraints)
        var similar = pairs.similar.transposedTimesSelf()
        var dissimilar = pairs.dissimilar.transposedTimesSelf()
        if regularization > 0 {
            let (priorMatrix, priorInverse) = try resolvedPrior(dimension: d)
            similar += regularization * priorInverse
            dissimilar += regularization * priorMatrix
        }

        // The geodesic is taken between Sλ/a and Dλ/b, each scaled to unit mean eigenvalue, so that data far from
        // unit scale (1e±150) neither overflows nor underflows in C below: (aS)⁻¹ #ₜ (bD) = a^{t−1}·b^t·(S⁻¹ #ₜ D),
        // so L is rescaled by a^{(t−1)/2}·b^{t/2} at the end.
        let similarScale = Self.meanEigenvalue(similar), dissimilarScale = Self.meanEigenvalue(dissimilar)
        similar = (1 / similarScale) * similar
        dissimilar = (1 / dissimilarScale) * dissimilar

        // Sλ = V·diag(σ)·Vᵀ gives Sλ^{±½}; C = Sλ^{½}·Dλ·Sλ^{½} = U·diag(γ)·Uᵀ; then M = LᵀL with
        // L = diag(γ^{t/2})·Uᵀ·Sλ^{−½}, exactly positive semidefinite.
        let similarDecomposition = try Self.decompose(similar)
        let rank = similarDecomposition.rank()
        let isFullRank = rank == d
        guard rank > 0 else {
            throw .invalidData(what: "constraints.similar", value: "\(constraints.similar.count) pairs",
                               requirement: "every similar pair is a pair of identical rows, so Σ vvᵀ is 0; "
                                   + "set regularization > 0")
        }
        if !isFullRank, let direction = Self.dissimilarEnergy(outside: similarDecomposition, rank: rank, dissimilar) {
            throw .invalidData(
                what: "constraints.similar", value: "\(constraints.similar.count) pairs",
                requirement: "their differences span \(rank) of the \(d) feature directions, and dissimilar pairs "
                    + "differ along a direction where no similar pair does (\(direction)); too few similar pairs, or "
                    + "a feature that is constant within each class; set regularization > 0")
        }
        // Sλ's null space, when there is one, holds no pair's difference at all (constant or collinear features):
        // the geodesic is taken within the span, with pseudo-inverse roots, and M is 0 on the null space.
        let tolerance: Double? = isFullRank ? 0 : nil
        let root = similarDecomposition.reconstructed(relativeTolerance: tolerance) { $0.squareRoot() }
        let inverseRoot = similarDecomposition.reconstructed(relativeTolerance: tolerance) { 1 / $0.squareRoot() }
        let between = try Self.decompose((root * dissimilar * root).symmetrized())
        let cutoff = isFullRank ? 0 : between.cutoff(relativeTolerance: SymmetricEigendecomposition
            .defaultRelativeTolerance(order: d))
        let exponent = geodesicStep / 2
        let rescaling = pow(similarScale, exponent - 0.5) * pow(dissimilarScale, exponent)
        var components = between.eigenvectors.transposedTimes(inverseRoot)
        for (row, value) in between.eigenvalues.enumerated() {
            let scale = value > cutoff ? pow(value, exponent) * rescaling : 0
            for j in 0..<d { components[row, j] *= scale }
        }
        let report = FitReport(learner: configuration, fitSeconds: stopwatch.elapsedSeconds,
                               details: ["similarPairCount": Double(constraints.similar.count),
                                         "dissimilarPairCount": Double(constraints.dissimilar.count),
                                         "similarRank": Double(rank),
                                         "similarConditionNumber": (similarDecomposition.eigenvalues.last ?? 0)
                                             / (similarDecomposition.eigenvalues[d - rank])])
        return MahalanobisMetric(components: components, report: report)
    }

    /// M₀ and M₀⁻¹.
    private func resolvedPrior(dimension d: Int) throws(MetricLearnError) -> (matrix: Matrix, inverse: Matrix) {
        switch prior {
        case .identity:
            return (.identity(d), .identity(d))
        case let .matrix(given):
            let decomposition = try Self.decompose(given.symmetrized())
            guard decomposition.rank() == d, (decomposition.eigenvalues.first ?? 0) > 0 else {
                throw .invalidParameter(name: "prior", value: "matrix", requirement: "must be positive definite")
            }
            return (given.symmetrized(), decomposition.reconstructed(relativeTolerance: 0) { 1 / $0 })
        }
    }

    /// Where the dissimilar scatter has energy in the null space of the similar one: "u·D·u = … of tr D along the
    /// k-th null direction", or nil when that energy is round-off (below 10⁻⁸ of tr D), as for constant or collinear
    /// features, along which no pair differs.
    private static func dissimilarEnergy(outside similar: SymmetricEigendecomposition, rank: Int,
                                         _ dissimilar: Matrix) -> String? {
        let (d, trace) = (dissimilar.rowCount, dissimilar.trace)
        for k in 0..<(d - rank) {
            let u = similar.eigenvectors.column(k)
            let energy = zip(u, dissimilar.transposedTimes(u)).reduce(0) { $0 + $1.0 * $1.1 }
            if !(energy <= 1e-8 * trace) {
                return "uᵀDu = \(energy / trace) of tr D along null direction \(k + 1) of \(d - rank)"
            }
        }
        return nil
    }

    /// trace/d, the mean eigenvalue of a scatter matrix; 1 when that is 0 (the rank check then refuses).
    private static func meanEigenvalue(_ scatter: Matrix) -> Double {
        let mean = scatter.trace / Double(scatter.rowCount)
        return mean > 0 && mean.isFinite ? mean : 1
    }

    private static func decompose(_ matrix: Matrix) throws(MetricLearnError) -> SymmetricEigendecomposition {
        do { return try SymmetricEigendecomposition(matrix) } catch { throw .linearAlgebra(error) }
    }
}
