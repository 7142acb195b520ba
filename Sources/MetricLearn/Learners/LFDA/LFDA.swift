/// Local Fisher discriminant analysis (Sugiyama 2007): Fisher's discriminant with every pair of samples weighted
/// by how close they are, so that classes made of several clusters are not pulled into one.
///
/// The affinity of two samples of a class is Aᵢⱼ = exp(−‖xᵢ − xⱼ‖² / (σᵢσⱼ)), where σᵢ is the distance from xᵢ
/// to its `neighborCount`-th nearest neighbour of the same class (local scaling). The local within-class
/// scatter S_w = ½·Σ Wᵢⱼ(xᵢ − xⱼ)(xᵢ − xⱼ)ᵀ weighs same-class pairs by Aᵢⱼ/n_c; the local between-class scatter
/// S_b weighs them by Aᵢⱼ(1/n − 1/n_c) and pairs of different classes by 1/n. The components are the
/// generalised eigenvectors of S_b·v = λ·S_w·v with the largest λ (LAPACK `dsygvd`), scaled as `embedding`
/// says. Directions in which the data do not vary are dropped, and a singular S_w is shrunk halfway towards a
/// multiple of the identity (`report.details["regularization"]` = 0.5), so the result is finite where
/// metric-learn's LFDA returns NaN or complex components. See <doc:Algorithm-LFDA>.
///
/// Cost O(Σ_c n_c²·d) for the neighbours and affinities (in row blocks; n_c × n_c distances kept only up to 4 MiB)
/// plus O(n·d² + d³).
public struct LFDA: MetricLearner {
    /// How the eigenvectors become the rows of L.
    public enum Embedding: String, Sendable, Hashable, Codable, CaseIterable, KebabCaseParameterValue {
        /// Each eigenvector scaled by √λ (λ < 0 counts as 0), so directions weigh by how well they separate.
        case weighted
        /// The eigenvectors orthonormalised (Gram–Schmidt in eigenvalue order): a projection onto their span.
        case orthonormalized
        /// The eigenvectors as they come, normalised by the local within-class scatter (vᵀS_w·v = 1).
        case plain
    }

    /// The output dimension k (nil: the dimension of the data's span, at most the feature count).
    public var componentCount: Int?
    /// The neighbour whose distance is a sample's local scale σᵢ (default 7, Sugiyama's and metric-learn's;
    /// classes with fewer samples use their size − 1).
    public var neighborCount: Int
    /// How the eigenvectors are scaled (default `.weighted`).
    public var embedding: Embedding

    /// Creates an LFDA configuration; parameters are checked in `fit`.
    public init(componentCount: Int? = nil, neighborCount: Int = 7, embedding: Embedding = .weighted) {
        self.componentCount = componentCount
        self.neighborCount = neighborCount
        self.embedding = embedding
    }

    /// The default configuration.
    public init() { self.init(componentCount: nil) }

    /// False: the affinities and the neighbours that set the local scales are Euclidean, so rescaling a feature
    /// changes which pairs count as local.
    public var isScaleInvariant: Bool { false }

    /// Learns the metric from class labels.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let labels = try supervision.classLabels(for: Self.registration)
        try Validation.checkLabeled(x, labels: labels)
        try validateParameters(featureCount: x.columnCount)
        try Validation.checkSquaredScale(x)

        let scatters = LocalScatters(x, labels: labels, neighborCount: neighborCount)
        let problem = try ScatterEigenproblem(scatters.between, scatters.within, span: scatters.total)
        let kept = Array(0..<min(componentCount ?? problem.rank, problem.rank))
        var components = problem.eigenvectors.rows(at: kept)
        switch embedding {
        case .weighted:
            for (row, index) in kept.enumerated() {
                let scale = max(problem.eigenvalues[index], 0).squareRoot()
                for j in 0..<components.columnCount { components[row, j] *= scale }
            }
        case .orthonormalized:
            components = components.orthonormalizedRows().withDeterministicRowSigns()
        case .plain:
            break
        }
        let report = FitReport(learner: configuration, fitSeconds: stopwatch.elapsedSeconds,
                               details: ["effectiveRank": Double(problem.rank), "regularization": problem.shrinkage])
        return MahalanobisMetric(components: components, report: report)
    }
}
