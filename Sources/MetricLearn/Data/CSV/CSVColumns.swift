/// Which column of a CSV file holds the class labels.
public enum LabelColumn: Sendable, Hashable, Codable {
    /// The column named `label` if there is one, otherwise the last column.
    case automatic
    /// The column with this header name.
    case named(String)
    /// The column at this 0-based position.
    case index(Int)
}

/// Which columns of a CSV file are read as numeric features.
public enum FeatureColumns: Sendable, Hashable, Codable {
    /// Every column except the label column, in file order.
    case all
    /// These columns, in this order (other columns are ignored and may hold anything).
    case named([String])
}
