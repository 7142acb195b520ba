/// A fitted Mahalanobis metric d(x, y) = ‖L(x − y)‖ = √((x − y)ᵀ M (x − y)), M = LᵀL.
///
/// Every linear learner returns one. It is written once here and learners only fit
/// (the metric-learn `MahalanobisMixin` idea).
///
/// Encoded as `{"components", "featureNames", "featureWeights"?, "report"}`. Decoding checks that the parts
/// fit together, so a malformed document is a `DecodingError`, never a metric that traps or maps to NaN.
public struct MahalanobisMetric: Sendable, Hashable, Codable {
    /// The linear map L (k×d): `transform` sends a row x to L·x.
    public let components: Matrix
    /// The names of the d input features.
    public let featureNames: [String]
    /// Per-feature weights (M = diag(w²)), most important first; set by `FeatureReweighting` only.
    public let featureWeights: [FeatureWeight]?
    /// How the fit went.
    public let report: FitReport

    /// The encoded properties (encoder synthesised; the validating decoder is in `MahalanobisMetric+Codable.swift`).
    enum CodingKeys: String, CodingKey { case components, featureNames, featureWeights, report }

    /// Creates a metric from its components. Feature names default to `x0`, `x1`, ….
    ///
    /// - Precondition: `featureNames`, when given, has one name per column of `components`.
    public init(components: Matrix, featureNames: [String]? = nil, featureWeights: [FeatureWeight]? = nil,
                report: FitReport) {
        let names = featureNames ?? FeatureTable.unnamedColumns(components.columnCount)
        precondition(names.count == components.columnCount, "One feature name per input dimension is needed")
        self.components = components
        self.featureNames = names
        self.featureWeights = featureWeights
        self.report = report
    }

    /// The number of input features d.
    public var inputDimension: Int { components.columnCount }

    /// The number of output dimensions k.
    public var outputDimension: Int { components.rowCount }

    /// M = LᵀL (d×d, symmetric positive semidefinite).
    public var mahalanobisMatrix: Matrix { components.transposedTimesSelf() }

    /// The rows of `x` mapped into the learned space: X·Lᵀ (n×k).
    ///
    /// - Throws: `featureCountMismatch` for the wrong width, `nonFiniteValue` for NaN/∞, `overflow` naming the first
    ///   row whose image is beyond Double's range (values near 1e308, or a metric with large entries): the result
    ///   never holds an infinity.
    public func transform(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        try Validation.checkTransformInput(x, expectedWidth: inputDimension)
        let image = x.timesTransposed(components)
        if let (row, column) = image.firstNonFiniteIndex {
            throw .overflow(row: row, column: nil, what: "the transform by the metric (component \(column + 1))")
        }
        return image
    }

    /// The learned distance between two points, ‖L(a − b)‖.
    public func distance(_ a: [Double], _ b: [Double]) throws(MetricLearnError) -> Double {
        guard a.count == b.count else { throw .featureCountMismatch(expected: a.count, actual: b.count) }
        let difference = Matrix(rowCount: 1, columnCount: a.count, elements: zip(a, b).map { $0 - $1 })
        let image = try transform(difference)
        return image.elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The same metric with other feature names (e.g. those of the dataset it was fitted on).
    /// Feature weights are renamed to match.
    public func withFeatureNames(_ names: [String]) -> MahalanobisMetric {
        let positions = Dictionary(featureNames.enumerated().map { ($1, $0) }) { first, _ in first }
        let renamed = featureWeights?.map { weight in
            let index = positions[weight.feature].flatMap { names.indices.contains($0) ? $0 : nil }
            return FeatureWeight(feature: index.map { names[$0] } ?? weight.feature, weight: weight.weight)
        }
        return MahalanobisMetric(components: components, featureNames: names, featureWeights: renamed, report: report)
    }
}

/// One feature's learned weight w: the metric scales that feature by w (M = diag(w²)), whatever the method.
public struct FeatureWeight: Sendable, Hashable, Codable {
    /// The feature's name.
    public let feature: String
    /// Its weight, ≥ 0.
    public let weight: Double

    /// Creates the weight of the named feature.
    public init(feature: String, weight: Double) {
        self.feature = feature
        self.weight = weight
    }
}
