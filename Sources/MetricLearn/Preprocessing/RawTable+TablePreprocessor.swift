import Foundation

/// Reading a new file for a fitted `TablePreprocessor`.
extension RawTable {
    /// Reads the training columns of `preprocessor` from the CSV file at `path`, by name and with the
    /// same kinds (other columns, such as a label, are ignored); missing cells are accepted when the
    /// preprocessor imputes them.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents or a
    ///   missing column.
    public init(csvFile path: String, readingColumnsOf preprocessor: TablePreprocessor,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvFile: path, columns: preprocessor.featureColumns,
                      categoricalColumns: preprocessor.categoricalColumns,
                      missingValues: preprocessor.missingValues, format: format)
    }

    /// Reads the training columns of `preprocessor` from CSV text (see `init(csvFile:readingColumnsOf:format:)`).
    public init(csvText: String, readingColumnsOf preprocessor: TablePreprocessor,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvText: csvText, columns: preprocessor.featureColumns,
                      categoricalColumns: preprocessor.categoricalColumns,
                      missingValues: preprocessor.missingValues, format: format)
    }
}
