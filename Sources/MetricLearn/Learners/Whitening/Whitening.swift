/// Mahalanobis whitening: the metric of the inverse (shrunk) covariance, L = Λ^(−1/2)·Vᵀ.
///
/// `.withinClass` (the default) uses the pooled within-class covariance, shrunk towards a scaled identity by the
/// coefficient that cross-validated nearest neighbours on the labels prefer (`.crossValidated`, the accuracy
/// benchmark's choice, Docs/Accuracy.md); `.total` uses the covariance of all samples and needs no labels
/// (`Whitening(mode: .total, shrinkage: .none)` is metric-learn's `Covariance`).
/// The covariance C is eigendecomposed
/// (LAPACK `dsyevd`); eigenvalues at or below `relativeTolerance · λ_max` are dropped rather than
/// inverted, so constant columns, duplicated rows or d > n still give a finite PSD metric. The rows
/// of L are the kept directions in order of decreasing variance, so `componentCount` gives PCA
/// whitening. The effective rank is recorded in `report.details["effectiveRank"]`.
///
/// With more features than samples (d > n) the covariance has rank below n, so the metric lives in the span of the
/// centred samples: L is formed there from the thin SVD of the centred rows, in O(n²·d) time and O(n·d) memory,
/// instead of a d×d eigendecomposition — the same metric (up to the sign of each row of L) as the d×d computation.
/// Only shrinkage without `componentCount` needs every direction, hence the d×d matrix.
///
/// Cost: O(n·d²) for the covariance plus O(d³) for the eigendecomposition (d ≤ n); O(n²·d) for d > n.
/// See <doc:Algorithm-Whitening>.
public struct Whitening: MetricLearner {
    /// Which covariance to invert.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable, KebabCaseParameterValue {
        /// The covariance of all samples (no labels needed).
        case total
        /// The pooled within-class covariance Σ_c Σ_{i∈c} (xᵢ − μ_c)(xᵢ − μ_c)ᵀ / (n − classes).
        case withinClass
    }

    /// Shrinkage of the covariance towards a scaled identity: (1 − λ)·C + λ·(tr C / d)·I.
    public enum Shrinkage: Sendable, Hashable, Codable {
        /// No shrinkage.
        case none
        /// A fixed coefficient λ in [0, 1].
        case fixed(Double)
        /// The Ledoit–Wolf (2004) coefficient, estimated from the data.
        case ledoitWolf
        /// The coefficient among 0, ¼, ½, ¾ and 1 (1: Euclidean distance) under which, fitted on four fifths of the
        /// training rows, the most same-class rows are among the 5 nearest of each row of the other fifth (5-fold
        /// cross-validation on about 2 000 rows spread over the classes); ties go to the larger coefficient. Needs
        /// labels.
        case crossValidated

        /// `.fixed(λ)` encodes as `{"fixed": {"coefficient": λ}}`.
        private enum FixedCodingKeys: String, CodingKey { case _0 = "coefficient" }
    }

    /// Which covariance to invert (default `.withinClass`).
    public var mode: Mode
    /// Covariance shrinkage (default `.crossValidated`).
    public var shrinkage: Shrinkage
    /// Keep only the leading components (nil keeps every non-degenerate one).
    public var componentCount: Int?
    /// Eigenvalues at or below this fraction of the largest are treated as zero (default 1e-10).
    public var relativeTolerance: Double

    /// Creates a whitening configuration.
    public init(mode: Mode = .withinClass, shrinkage: Shrinkage = .crossValidated, componentCount: Int? = nil,
                relativeTolerance: Double = 1e-10) {
        self.mode = mode
        self.shrinkage = shrinkage
        self.componentCount = componentCount
        self.relativeTolerance = relativeTolerance
    }

    /// The default configuration.
    public init() { self.init(mode: .withinClass) }

    /// Whether the distances ignore the units: inverting a covariance C gives the same distances after any
    /// rescaling D = diag(c) (C → DCD, M → D⁻¹MD⁻¹), but shrinkage towards a multiple of I, or keeping only the
    /// leading components ranked by variance, depends on the units.
    public var isScaleInvariant: Bool {
        let isShrunk = switch shrinkage {
        case .none: false
        case let .fixed(coefficient): coefficient != 0
        case .ledoitWolf, .crossValidated: true
        }
        return !isShrunk && componentCount == nil
    }

    /// Learns the metric of the total covariance without labels. Requires `mode == .total`.
    public func fit(_ x: Matrix) throws(MetricLearnError) -> MahalanobisMetric {
        guard mode == .total else {
            throw .invalidParameter(name: "mode", value: mode.rawValue,
                                    requirement: "within-class whitening needs labels: call fit(_:labels:)")
        }
        try Validation.checkFeatures(x)
        try validateParameters(featureCount: x.columnCount)
        return try whiten(x, labels: nil)
    }

    /// Learns the whitening metric; the class labels are checked in both modes and used by `.withinClass`.
    public func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
        throws(MetricLearnError) -> MahalanobisMetric {
        let labels = try supervision.classLabels(for: Self.registration)
        try Validation.checkLabeled(x, labels: labels)
        try validateParameters(featureCount: x.columnCount)
        return try whiten(x, labels: labels)
    }

    /// The whitening metric; `labels` (nil without them) group the rows for `.withinClass` and score
    /// `.crossValidated`.
    private func whiten(_ x: Matrix, labels: [Int]?) throws(MetricLearnError) -> MahalanobisMetric {
        let stopwatch = Stopwatch()
        try Validation.checkSquaredScale(x)
        let choice = try withSpectra(of: x, labels: labels) { ledoitWolf, spectrum throws(MetricLearnError) in
            try chooseShrinkage(for: x, labels: labels, ledoitWolf: ledoitWolf, spectrum: spectrum)
        }
        var details = ["effectiveRank": Double(choice.spectrum.rank), "shrinkage": choice.coefficient]
        details["neighborAgreement"] = choice.neighborAgreement
        let report = FitReport(learner: configuration, fitSeconds: stopwatch.elapsedSeconds, details: details)
        return MahalanobisMetric(components: choice.spectrum.components, report: report)
    }

    /// Calls `body` with the Ledoit–Wolf coefficient and the spectrum for any shrinkage coefficient of the covariance
    /// of `x`'s rows (pooled within the classes of `labels` in `.withinClass` mode).
    ///
    /// - Throws: `emptyInput` when there are no more rows than classes (one, for `.total`); what `body` throws.
    func withSpectra<Result>(
        of x: Matrix, labels: [Int]?,
        _ body: (_ ledoitWolf: () throws(MetricLearnError) -> Double,
                 _ spectrum: (Double) throws(MetricLearnError) -> WhiteningSpectrum) throws(MetricLearnError) -> Result
    ) throws(MetricLearnError) -> Result {
        let groups = mode == .withinClass ? labels : nil
        let groupCount = groups.map { Set($0).count } ?? 1
        guard x.rowCount > groupCount else {
            throw .emptyInput(what: "whitening needs more samples (\(x.rowCount)) than \(groups == nil ? "one" : "classes (\(groupCount))")")
        }
        let degreesOfFreedom = x.rowCount - groupCount
        if x.columnCount > x.rowCount {
            let centered = groups.map { x.centeredWithinClasses(labels: $0) } ?? x.subtractingFromEachRow(x.columnMeans())
            return try body({ () throws(MetricLearnError) in try centered.ledoitWolfShrinkage() }) {
                coefficient throws(MetricLearnError) in
                if let inSpan = try spanSpectrum(of: centered, degreesOfFreedom: degreesOfFreedom, shrinkage: coefficient) {
                    return inSpan
                }
                return try covarianceSpectrum(columnCount: x.columnCount, scatter: { centered.transposedTimesSelf() },
                                              degreesOfFreedom: degreesOfFreedom, shrinkage: coefficient)
            }
        }
        // Large tables: the scatter in one streaming pass, no centred copy of the rows.
        let offsets = groups.map { x.classMeans(labels: $0) }
            ?? Matrix(rowCount: 1, columnCount: x.columnCount, elements: x.columnMeans())
        let (scatter, fourthPowerSum) = x.centeredGram(about: offsets, groups: groups)
        // One eigendecomposition for every coefficient `body` asks for (`.crossValidated` asks for five).
        let basis = try covarianceEigenbasis(columnCount: x.columnCount, scatter: { scatter },
                                             degreesOfFreedom: degreesOfFreedom, isShrunk: shrinkage != .none)
        return try body({ Matrix.ledoitWolfShrinkage(scatter: scatter, fourthPowerSum: fourthPowerSum, rowCount: x.rowCount) }) {
            coefficient throws(MetricLearnError) in try spectrum(of: basis, shrinkage: coefficient)
        }
    }
}
