/// Relevant component analysis (Bar-Hillel, Hertz, Shental & Weinshall 2005): the metric that whitens the
/// variation within chunklets, groups of samples known to share a class.
///
/// Each chunklet is centred on its own mean; the within-chunklet covariance Ĉ = Σ (xᵢ − m_g)(xᵢ − m_g)ᵀ / p over
/// the p rows in chunklets measures the variation that labels say is irrelevant, and M = Ĉ⁻¹ removes it. The
/// rows of L are the generalised eigenvectors of C_t·v = λ·Ĉ·v (C_t the covariance of the rows in chunklets,
/// LAPACK `dsygvd`), the most relevant (largest ratio of total to within-chunklet variance) first, so
/// `componentCount` gives the paper's dimensionality reduction (its constrained Fisher discriminant) and every
/// component gives LᵀL = Ĉ⁻¹. Directions in which the chunklet rows do not vary are dropped and a singular Ĉ
/// is shrunk halfway towards a multiple of the identity (`report.details["regularization"]` = 0.5), so the result
/// is finite where metric-learn's RCA returns NaN. See <doc:Algorithm-RCA>.
///
/// Chunklets come from the caller (`Supervision.chunklets`) or are drawn from class labels with `seed`:
/// `chunkCount` chunklets of `chunkSize` rows (as metric-learn's `RCA_Supervised`; fewer when the classes cannot
/// fill them, `report.details["chunkletCount"]` says how many). Cost O(p·d² + d³).
public struct RCA: MetricLearner {
    /// The output dimension k (nil: the dimension of the chunklet rows' span, at most the feature count).
    public var componentCount: Int?
    /// Chunklets drawn from class labels (default 100, as metric-learn).
    public var chunkCount: Int
    /// Rows per chunklet drawn from class labels (default 2, as metric-learn).
    public var chunkSize: Int
    /// Seed of the chunklet draw from class labels (default 0).
    public var seed: UInt64

    /// Creates an RCA configuration; parameters are checked in `fit`.
    public init(componentCount: Int? = nil, chunkCount: Int = 100, chunkSize: Int = 2, seed: UInt64 = 0) {
        self.componentCount = componentCount
        self.chunkCount = chunkCount
        self.chunkSize = chunkSize
        self.seed = seed
    }

    /// The default configuration.
    public init() { self.init(componentCount: nil) }

    /// True: M = Ĉ⁻¹ and the eigenvectors of a pair of covariances follow any rescaling of the features
    /// (C ↦ DCD), and the chunklets drawn from labels depend on the labels only.
    public var isScaleInvariant: Bool { true }

    /// Learns the metric from chunklets (`.chunklets`) or from class labels (chunklets drawn with `seed`).
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        let chunklets: Chunklets
        switch supervision {
        case let .classLabels(labels):
            let counts = try Validation.checkLabeled(x, labels: labels)
            try validateParameters(featureCount: x.columnCount)
            var generator = SeededGenerator(seed: seed)
            chunklets = Chunklets.sampled(labels: labels, count: chunkCount, size: chunkSize, generator: &generator)
            if chunklets.groups.isEmpty, let largest = counts.indices.max(by: { counts[$0] < counts[$1] }) {
                throw .classTooSmall(label: String(largest), count: counts[largest], required: chunkSize)
            }
        case let .chunklets(given):
            try Validation.checkFeatures(x)
            try validateParameters(featureCount: x.columnCount)
            try given.validate(sampleCount: x.rowCount)
            chunklets = given
        default:
            throw supervision.unsupported(by: Self.registration)
        }
        try Validation.checkSquaredScale(x)
        return try whiten(x, chunklets: chunklets, stopwatch: stopwatch)
    }

    private func whiten(_ x: Matrix, chunklets: Chunklets, stopwatch: Stopwatch) throws(MetricLearnError)
        -> MahalanobisMetric {
        let rows = chunklets.groups.flatMap { $0 }
        var centered = x.rows(at: rows)
        var offset = 0
        for group in chunklets.groups {
            let mean = x.rows(at: group).columnMeans()
            for i in offset..<(offset + group.count) {
                for j in 0..<x.columnCount { centered[i, j] -= mean[j] }
            }
            offset += group.count
        }
        let within = centered.transposedTimesSelf() / Double(rows.count)
        let chunkletRows = x.rows(at: rows)
        let total = chunkletRows.subtractingFromEachRow(chunkletRows.columnMeans()).transposedTimesSelf()
            / Double(rows.count - 1)
        let problem = try ScatterEigenproblem(total, within, span: total)
        let components = problem.eigenvectors.rows(at: 0..<min(componentCount ?? problem.rank, problem.rank))
        let report = FitReport(learner: configuration, fitSeconds: stopwatch.elapsedSeconds,
                               details: ["effectiveRank": Double(problem.rank), "regularization": problem.shrinkage,
                                         "chunkletCount": Double(chunklets.groups.count)])
        return MahalanobisMetric(components: components, report: report)
    }
}
