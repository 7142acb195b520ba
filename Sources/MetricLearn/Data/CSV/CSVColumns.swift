/// Which column of a CSV file holds the class labels.
public enum LabelColumn: Sendable, Hashable, Codable {
    /// The column named `label` if there is one, otherwise the last column.
    case automatic
    /// The column with this header name.
    case named(String)
    /// The column at this 0-based position.
    case index(Int)
}

/// Which columns of a CSV file are read as features.
public enum FeatureColumns: Sendable, Hashable, Codable {
    /// Every column except the label column, in file order.
    case all
    /// These columns, in this order (other columns are ignored and may hold anything).
    case named([String])
    /// Every column except the label column and these (which are ignored and may hold anything),
    /// in file order. Each name must be a column of the file other than the label column.
    case allExcept([String])
}

extension FeatureColumns {
    /// These columns without `column`, which holds something else (`role`, for the error: "the chunk column"):
    /// added to `.allExcept`, refused when `.named` lists it.
    ///
    /// - Throws: `invalidParameter` (named `featureColumns`) when `column` is named as a feature.
    package func excluding(_ column: String, as role: String) throws(MetricLearnError) -> FeatureColumns {
        switch self {
        case .all:
            return .allExcept([column])
        case let .allExcept(names):
            return .allExcept(names.contains(column) ? names : names + [column])
        case let .named(names):
            try Validation.require(!names.contains(column), "featureColumns", "'\(column)'",
                                   "\(role) cannot also be a feature")
            return self
        }
    }
}

/// Which feature columns of a CSV file read into a `RawTable` hold categories (text) rather than
/// numbers.
public enum CategoricalColumns: Sendable, Hashable, Codable {
    /// None: every feature column is numeric, and a text cell is an error naming its place.
    case none
    /// A column is categorical when some cell holds text: a cell that is not empty, not a missing-value
    /// or infinity marker (`NA`, `nan`, `null`, `inf`, …) and not a decimal number. The others are numeric.
    case automatic
    /// These feature columns; every other feature column is numeric.
    case named([String])
}

/// What reading a `RawTable` does with missing cells: empty cells and the missing-value markers
/// `NA`, `N/A`, `#N/A`, `NaN`, `null` and `none` (in any case).
public enum MissingValues: String, Sendable, Hashable, Codable, CaseIterable {
    /// Refuse them with an error naming the cell (the default), as a numeric `Dataset` does.
    case reject
    /// Read them as missing (`nil`), to be filled by an `Imputer` fitted on the training data.
    case accept
}
