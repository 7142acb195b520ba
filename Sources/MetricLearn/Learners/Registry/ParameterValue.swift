/// A learner parameter's value as text: how the command line, `metric-learn info` and the documentation spell it.
///
/// `init?(parameterText:)` and `parameterText` are inverses for every value the command line can give
/// (`1e-05`, `within-class`, `ledoit-wolf`, `automatic`, `0.5,2`); values only the library can build
/// (a given matrix) spell as a name that does not parse back (`matrix`).
public protocol ParameterValue: Sendable, Hashable {
    /// The value that `text` spells, or nil when it spells none.
    init?(parameterText text: String)
    /// The text of this value.
    var parameterText: String { get }
    /// Every accepted text when the values are a closed set of names (nil: free-form, such as numbers).
    static var parameterChoices: [String]? { get }
}

extension ParameterValue {
    /// Free-form by default.
    public static var parameterChoices: [String]? { nil }
}

/// A parameter whose values are the cases of a string enum, spelled in kebab case (`withinClass` is `within-class`).
public protocol KebabCaseParameterValue: ParameterValue, CaseIterable, RawRepresentable<String> {}

extension KebabCaseParameterValue {
    /// The case whose kebab-case spelling is `text`.
    public init?(parameterText text: String) {
        guard let match = Self.allCases.first(where: { $0.parameterText == text }) else { return nil }
        self = match
    }

    /// The case's raw value in kebab case.
    public var parameterText: String { rawValue.kebabCased }

    /// Every case, in declaration order.
    public static var parameterChoices: [String]? { allCases.map(\.parameterText) }
}

/// A metric a learner starts from or stays near, named on the command line (`identity`, `covariance`) or given as
/// a matrix by the library: ITML's prior, MMC's initialization.
public protocol NamedOrGivenMetric: ParameterValue {
    /// M₀ = I.
    static var identity: Self { get }
    /// M₀ from the covariance of the data.
    static var covariance: Self { get }
    /// The given M₀, or nil for a named one.
    var givenMatrix: Matrix? { get }
}

extension NamedOrGivenMetric {
    /// A given matrix is features × features, finite and symmetric (its definiteness is checked when fitting).
    static var rule: ParameterRule {
        ParameterRule.values(of: Self.self) { metric, featureCount in
            metric.givenMatrix.flatMap { ParameterRule.metricMatrixViolation($0, featureCount: featureCount) }
        }
    }

    /// `identity` or `covariance` (a given matrix has no text).
    public init?(parameterText text: String) {
        switch text {
        case "identity": self = .identity
        case "covariance": self = .covariance
        default: return nil
        }
    }

    /// `identity`, `covariance`, or `matrix` for a given matrix.
    public var parameterText: String {
        if givenMatrix != nil { return "matrix" }
        return self == .identity ? "identity" : "covariance"
    }

    /// The named metrics.
    public static var parameterChoices: [String]? { ["identity", "covariance"] }
}

extension Int: ParameterValue {
    /// A decimal integer (`Int(text)`).
    public init?(parameterText text: String) { self.init(text) }
    /// The decimal digits.
    public var parameterText: String { String(self) }
}

extension UInt64: ParameterValue {
    /// A non-negative decimal integer (`UInt64(text)`).
    public init?(parameterText text: String) { self.init(text) }
    /// The decimal digits.
    public var parameterText: String { String(self) }
}

extension Double: ParameterValue {
    /// A decimal number as Swift reads it (`0.5`, `1e-5`); range checks belong to the learner.
    public init?(parameterText text: String) { self.init(text) }
    /// Swift's shortest round-trip form (`1e-05`).
    public var parameterText: String { description }
}
