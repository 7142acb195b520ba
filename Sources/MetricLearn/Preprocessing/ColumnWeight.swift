/// The learned weight of one original table column: the sum of the weights of the features it
/// became (its value for a numeric column, its indicators for a categorical one).
public struct ColumnWeight: Sendable, Hashable, Codable {
    /// The original column's name.
    public let column: String
    /// The sum of `features`' weights.
    public let weight: Double
    /// The weight of each feature the column became, in feature order.
    public let features: [FeatureWeight]

    /// Creates a column weight from its features' weights.
    public init(column: String, features: [FeatureWeight]) {
        self.column = column
        self.weight = features.reduce(0) { $0 + $1.weight }
        self.features = features
    }
}
