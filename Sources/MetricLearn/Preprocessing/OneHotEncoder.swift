/// Turns a `RawTable` into numbers: each categorical column becomes one 0/1 indicator column per
/// category seen in the training data, as scikit-learn's `OneHotEncoder(handle_unknown="ignore")`;
/// numeric columns pass through.
///
/// Output columns keep the table's column order; a categorical column's indicators take its place,
/// in Unicode scalar order of the categories, named `column=category` (`island=Biscoe`). A category
/// not seen at fit time encodes as all zeros in that column's indicators. Missing cells are errors:
/// impute them first (`Imputer`, or `TablePreprocessing` which applies both in order).
///
/// ```swift
/// let encoding = try OneHotEncoder().fit(train.table)
/// let x = try encoding.transform(test.table).features
/// ```
public struct OneHotEncoder: Sendable, Hashable, Codable {
    /// Creates an encoder.
    public init() {}

    /// Learns the categories of each categorical column of `table`.
    ///
    /// - Throws: `emptyInput` for a table without rows; `missingValue` for the first missing cell;
    ///   `invalidData` (named `featureNames`) when two output features would share a name.
    /// - Complexity: O(n·d) hashing, plus sorting each column's distinct categories.
    public func fit(_ table: RawTable) throws(MetricLearnError) -> OneHotEncoding {
        guard table.rowCount > 0 else { throw .emptyInput(what: "no samples") }
        var columns: [OneHotEncoding.Column] = []
        for column in table.columns {
            if let row = column.firstMissingRow { throw .missingValue(row: row, column: column.name) }
            switch column.values {
            case .numbers:
                columns.append(OneHotEncoding.Column(numeric: column.name))
            case let .categories(cells):
                let categories = Set(cells.compactMap { $0 }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                columns.append(OneHotEncoding.Column(categorical: column.name, categories: categories))
            }
        }
        return try OneHotEncoding(encoder: self, columns: columns)
    }
}
