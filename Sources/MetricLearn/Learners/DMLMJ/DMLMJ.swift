/// Distance metric learning through maximisation of the Jeffrey divergence (Nguyen, Morell & De Baets 2017).
///
/// Each sample's differences to its `neighborCount` nearest neighbours of the same class form the positive
/// difference space, its differences to its `neighborCount` nearest neighbours of other classes the negative
/// one (neighbours by Euclidean distance, ties by lower row index). Modelled as zero-mean Gaussians with
/// scatters S (positive) and D (negative), the two are told apart best in the projected space v ↦ Lv whose rows
/// maximise the Jeffrey (symmetrised Kullback–Leibler) divergence between them: the generalised eigenvectors of
/// D·v = λ·S·v (LAPACK `dsygvd`) ranked by λ + 1/λ, so the directions where other-class differences are much
/// larger, or much smaller, than same-class ones come first. Rows are S-normalised (vᵀS·v = 1). With every
/// component kept, M = S⁻¹ on the data's span. S is shrunk by `shrinkage` (default 1 %) towards the multiple of
/// the identity with its trace, which tempers the directions of almost no same-class variation; a singular S or D
/// is shrunk halfway (`report.details["regularization"]` records S's shrinkage). See <doc:Algorithm-DMLMJ>.
///
/// Cost O(n²·d) for the neighbours (BLAS, in tiles) plus O(n·k·d² + d³).
public struct DMLMJ: MetricLearner {
    /// The output dimension k (nil: the dimension of the data's span, at most the feature count).
    public var componentCount: Int?
    /// Same-class and other-class neighbours per sample (default 3, as pyDML; classes with fewer other members
    /// use them all).
    public var neighborCount: Int
    /// The fraction in [0, 1) by which the same-class scatter S is shrunk towards (tr S / r)·I (default 0.01,
    /// chosen on 13 tables, Docs/Accuracy.md; 0 is pyDML's DMLMJ wherever it leaves S as it is).
    public var shrinkage: Double

    /// Creates a DMLMJ configuration; parameters are checked in `fit`.
    public init(componentCount: Int? = nil, neighborCount: Int = 3, shrinkage: Double = 0.01) {
        self.componentCount = componentCount
        self.neighborCount = neighborCount
        self.shrinkage = shrinkage
    }

    /// The default configuration.
    public init() { self.init(componentCount: nil) }

    /// False: the neighbours that form the difference spaces are Euclidean, so rescaling a feature changes them.
    public var isScaleInvariant: Bool { false }

    /// Learns the metric from class labels.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let labels = try supervision.classLabels(for: Self.registration)
        try Validation.checkLabeled(x, labels: labels)
        try validateParameters(featureCount: x.columnCount)
        try Validation.checkSquaredScale(x)

        let spaces = DifferenceSpaces(x, labels: labels, neighborCount: neighborCount)
        let total = x.subtractingFromEachRow(x.columnMeans()).transposedTimesSelf()
        let problem = try ScatterEigenproblem(spaces.negative, spaces.positive, span: total, shrinkingSingularA: true,
                                              minimumShrinkage: shrinkage)
        // λ + 1/λ, largest first; equal values keep the order of λ (largest first).
        let divergence = problem.eigenvalues.map { value in
            let positive = max(value, .leastNormalMagnitude)
            return positive + 1 / positive
        }
        let order = problem.eigenvalues.indices.sorted { divergence[$0] > divergence[$1] || (divergence[$0] == divergence[$1] && $0 < $1) }
        let components = problem.eigenvectors.rows(at: order.prefix(componentCount ?? problem.rank))
        let report = FitReport(learner: configuration, fitSeconds: stopwatch.elapsedSeconds,
                               details: ["effectiveRank": Double(problem.rank), "regularization": problem.shrinkage])
        return MahalanobisMetric(components: components, report: report)
    }
}

extension DMLMJ {
    private enum CodingKeys: String, CodingKey { case componentCount, neighborCount, shrinkage }

    /// Decodes a configuration; one saved before `shrinkage` existed was fitted without it, so it reads as 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(componentCount: try container.decodeIfPresent(Int.self, forKey: .componentCount),
                  neighborCount: try container.decode(Int.self, forKey: .neighborCount),
                  shrinkage: try container.decodeIfPresent(Double.self, forKey: .shrinkage) ?? 0)
    }
}
