/// How an iterative linear learner (NCA, LMNN, MLKR) chooses its starting components L (k×d).
public enum Initialization: Sendable, Hashable, Codable {
    /// scikit-learn's rule: `.lda` when k ≤ min(d, classes − 1), else `.pca` when k < min(d, n), else `.identity`.
    /// Without class labels (regression targets) the `.lda` step is skipped, as in metric-learn.
    case auto
    /// The first k rows of the d×d identity.
    case identity
    /// The k leading principal axes of the centred data (unit rows).
    case pca
    /// The k leading discriminant directions, scaled so the pooled within-class covariance becomes the identity.
    /// Needs class labels and k ≤ classes − 1.
    case lda
    /// Standard normal entries drawn from the learner's seed.
    case random
    /// A given k×d matrix.
    case matrix(Matrix)

    /// `.matrix(M)` encodes as `{"matrix": {"components": M}}`.
    private enum MatrixCodingKeys: String, CodingKey { case _0 = "components" }
}

extension Initialization: ParameterValue {
    private static let named: [(String, Initialization)] = [
        ("auto", .auto), ("identity", .identity), ("pca", .pca), ("lda", .lda), ("random", .random),
    ]

    /// `auto`, `identity`, `pca`, `lda` or `random` (a given matrix has no text).
    public init?(parameterText text: String) {
        guard let match = Self.named.first(where: { $0.0 == text }) else { return nil }
        self = match.1
    }

    /// The case's name; `matrix` for a given matrix.
    public var parameterText: String { Self.named.first { $0.1 == self }?.0 ?? "matrix" }

    /// The named choices.
    public static var parameterChoices: [String]? { named.map(\.0) }
}

extension Initialization {
    /// A given matrix holds only finite values (its shape is checked against the component count when fitting).
    static let rule = ParameterRule.values(of: Initialization.self) { initialization in
        guard case let .matrix(given) = initialization, !given.isFinite else { return nil }
        return "must contain only finite values"
    }

    /// The starting components for data `x` with class `labels` (already validated; nil when the learner has none,
    /// as with triplets or regression targets) and output dimension `componentCount`.
    ///
    /// - Throws: `invalidParameter` (named `initialization`) for `.lda` without labels.
    func components(for x: Matrix, labels: [Int]?, componentCount k: Int,
                    generator: inout SeededGenerator) throws(MetricLearnError) -> Matrix {
        let (n, d) = (x.rowCount, x.columnCount)
        let classCount = labels.map { Set($0).count } ?? 0
        switch self {
        case .auto:
            let resolved: Initialization = k <= min(d, classCount - 1) ? .lda : (k < min(d, n) ? .pca : .identity)
            return try resolved.components(for: x, labels: labels, componentCount: k, generator: &generator)
        case .identity:
            var identity = Matrix(rowCount: k, columnCount: d)
            for i in 0..<min(k, d) { identity[i, i] = 1 }
            return identity
        case .pca:
            return try x.principalAxes(count: k)
        case .lda:
            guard let labels else {
                throw .invalidParameter(name: "initialization", value: "lda",
                                        requirement: "needs class labels, which triplets and regression targets do not give")
            }
            try Validation.require(k <= classCount - 1, "componentCount", k,
                                   "LDA initialization gives at most classes − 1 = \(classCount - 1) components")
            return try x.discriminantAxes(labels: labels, count: k)
        case .random:
            return Matrix(rowCount: k, columnCount: d, elements: (0..<(k * d)).map { _ in generator.nextGaussian() })
        case let .matrix(given):
            try Validation.require(given.rowCount == k && given.columnCount == d, "initialization",
                                   "\(given.rowCount)×\(given.columnCount) matrix",
                                   "must be \(k)×\(d) (componentCount × features)")
            return given
        }
    }
}
