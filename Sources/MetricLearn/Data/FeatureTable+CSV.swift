import Foundation

/// Reading an unlabelled table from CSV, e.g. the input of `transform` or `predict`.
///
/// The file format and the errors are those of `Dataset(csvFile:)`. Columns not selected by
/// `columns` are not parsed, so a file may carry a label or identifier column next to the features.
extension FeatureTable {
    /// Reads the CSV file at `path`.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents.
    public init(csvFile path: String, columns: FeatureColumns = .all, format: CSVFormat = CSVFormat())
        throws(MetricLearnError) {
        self = try CSVTableReader.read(file: path, format: format, labelColumn: nil, featureColumns: columns,
                                       labels: CSVLabelInterner.self).table
    }

    /// Reads CSV text.
    public init(csvText: String, columns: FeatureColumns = .all, format: CSVFormat = CSVFormat())
        throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvText.utf8), columns: columns, format: format)
    }

    /// Reads CSV bytes (UTF-8).
    public init(csvData: Data, columns: FeatureColumns = .all, format: CSVFormat = CSVFormat())
        throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvData), columns: columns, format: format)
    }

    private init(csvBytes: [UInt8], columns: FeatureColumns, format: CSVFormat) throws(MetricLearnError) {
        self = try CSVTableReader.read(csvBytes, format: format, labelColumn: nil, featureColumns: columns,
                                       labels: CSVLabelInterner.self).table
    }
}

/// Writing a table as CSV with `CSVWriter`.
extension FeatureTable {
    /// One number column per feature.
    public var csvColumns: [CSVColumn] {
        CSVColumn.columns(of: features, names: featureNames)
    }
}
