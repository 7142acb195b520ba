import Foundation

/// Reading a labelled dataset from CSV.
///
/// The first non-blank line is the header and names every column (names must be distinct and
/// non-empty). The label column (see `LabelColumn`) holds class labels of any text; the feature
/// columns hold decimal numbers (`5.1`, `-3`, `1e-05`; spaces around them are fine).
///
/// Class names are the label texts exactly as written (`1` and `01` are two classes). Class order, which decides
/// the class indices in `labels`, is one rule whatever the labels: names that are integers (`-1`, `2`, `10`) first,
/// in numeric order (equal values such as `1` and `01` by their text), then the other names in lexicographic order
/// of their Unicode scalars (`"B" < "a" < "b"`). For integer labels this is the numeric order of a pandas +
/// scikit-learn `LabelEncoder` pipeline, for text labels `LabelEncoder`'s order on strings, so class indices agree
/// with such a pipeline reading the same file (which, unlike this reader, turns `01` into 1).
///
/// Every problem in the data throws `MetricLearnError.csv(line:column:reason:)` with the 1-based
/// line and column of the cell and a reason that quotes it.
extension Dataset {
    /// Reads the CSV file at `path`.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents.
    public init(csvFile path: String, labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        let contents = try CSVTableReader.read(file: path, format: format, labelColumn: labelColumn,
                                               featureColumns: featureColumns, labels: CSVLabelInterner.self)
        self.init(unchecked: contents.table, classes: contents.labels)
    }

    /// Reads CSV text.
    public init(csvText: String, labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvText.utf8), labelColumn: labelColumn, featureColumns: featureColumns,
                      format: format)
    }

    /// Reads CSV bytes (UTF-8).
    public init(csvData: Data, labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvData), labelColumn: labelColumn, featureColumns: featureColumns,
                      format: format)
    }

    private init(csvBytes: [UInt8], labelColumn: LabelColumn, featureColumns: FeatureColumns,
                 format: CSVFormat) throws(MetricLearnError) {
        let contents = try CSVTableReader.read(csvBytes, format: format, labelColumn: labelColumn,
                                               featureColumns: featureColumns, labels: CSVLabelInterner.self)
        self.init(unchecked: contents.table, classes: contents.labels)
    }
}

/// Writing a labelled dataset as CSV with `CSVWriter`.
extension Dataset {
    /// The feature columns followed by a label column holding each sample's class name.
    ///
    /// Reading the written text back gives the same dataset when `classNames` are in the reader's
    /// order (integer names by value, then the others lexicographically; see `Dataset(csvFile:)`).
    ///
    /// - Throws: `invalidParameter` when `labelColumnName` is also a feature name.
    public func csvColumns(labelColumnName: String = "label") throws(MetricLearnError) -> [CSVColumn] {
        try Validation.require(!featureNames.contains(labelColumnName), "labelColumnName", labelColumnName,
                               "must differ from every feature name")
        return table.csvColumns + [CSVColumn(name: labelColumnName, text: classes.rowClassNames)]
    }
}
