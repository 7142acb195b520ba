import Foundation

/// Reading a raw regression dataset from CSV: the label column holds the targets (read as by
/// `RegressionDataset(csvFile:)`), the feature columns numbers or categories with, when asked for, missing
/// cells (read as by `RawDataset(csvFile:)`).
extension RawRegressionDataset {
    /// Reads the CSV file at `path`.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents.
    public init(csvFile path: String, targetColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                categoricalColumns: CategoricalColumns = .automatic, missingValues: MissingValues = .reject,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: FileContents.bytes(atPath: path), targetColumn: targetColumn,
                      featureColumns: featureColumns, categoricalColumns: categoricalColumns,
                      missingValues: missingValues, format: format)
    }

    /// Reads CSV text.
    public init(csvText: String, targetColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                categoricalColumns: CategoricalColumns = .automatic, missingValues: MissingValues = .reject,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvText.utf8), targetColumn: targetColumn, featureColumns: featureColumns,
                      categoricalColumns: categoricalColumns, missingValues: missingValues, format: format)
    }

    private init(csvBytes: [UInt8], targetColumn: LabelColumn, featureColumns: FeatureColumns,
                 categoricalColumns: CategoricalColumns, missingValues: MissingValues,
                 format: CSVFormat) throws(MetricLearnError) {
        let contents = try CSVRawTableReader.read(csvBytes, format: format, labelColumn: targetColumn,
                                                  featureColumns: featureColumns,
                                                  categoricalColumns: categoricalColumns, missingValues: missingValues,
                                                  labels: CSVTargetReader.self)
        self.init(unchecked: contents.table, targets: contents.labels)
    }
}
