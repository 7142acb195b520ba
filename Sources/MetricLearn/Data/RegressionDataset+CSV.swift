import Foundation

/// Reading a regression dataset from CSV: the label column (see `LabelColumn`: by default the column named
/// `label`, else the last) holds each row's target, a finite decimal number; the feature columns are read as
/// in `Dataset(csvFile:)`. A target cell that is empty, a missing-value marker or text is a
/// `MetricLearnError.csv(line:column:reason:)` naming the cell.
extension RegressionDataset {
    /// Reads the CSV file at `path`.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents.
    public init(csvFile path: String, targetColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        let contents = try CSVTableReader.read(file: path, format: format, labelColumn: targetColumn,
                                               featureColumns: featureColumns, labels: CSVTargetReader.self)
        self.init(unchecked: contents.table, targets: contents.labels)
    }

    /// Reads CSV text.
    public init(csvText: String, targetColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvText.utf8), targetColumn: targetColumn, featureColumns: featureColumns,
                      format: format)
    }

    private init(csvBytes: [UInt8], targetColumn: LabelColumn, featureColumns: FeatureColumns,
                 format: CSVFormat) throws(MetricLearnError) {
        let contents = try CSVTableReader.read(csvBytes, format: format, labelColumn: targetColumn,
                                               featureColumns: featureColumns, labels: CSVTargetReader.self)
        self.init(unchecked: contents.table, targets: contents.labels)
    }
}
