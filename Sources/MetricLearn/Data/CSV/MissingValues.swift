/// What reading a `RawTable` does with missing cells: empty cells and the missing-value markers
/// `NA`, `N/A`, `#N/A`, `NaN`, `null` and `none` (in any case).
public enum MissingValues: String, Sendable, Hashable, Codable, CaseIterable {
    /// Refuse them with an error naming the cell (the default), as a numeric `Dataset` does.
    case reject
    /// Read them as missing (`nil`), to be filled by an `Imputer` fitted on the training data.
    case accept
}
