/// Reading a new labelled file for a fitted `TablePreprocessor`.
extension RawDataset {
    /// Reads the label column and the training columns of `preprocessor` from the CSV file at `path`,
    /// as `RawTable(csvFile:readingColumnsOf:format:)` reads the columns (by name, with the training
    /// kinds, missing cells accepted when the preprocessor imputes them; other columns are ignored).
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents or a
    ///   missing column.
    public init(csvFile path: String, labelColumn: LabelColumn = .automatic, readingColumnsOf preprocessor: TablePreprocessor,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvFile: path, labelColumn: labelColumn, featureColumns: preprocessor.featureColumns,
                      categoricalColumns: preprocessor.categoricalColumns, missingValues: preprocessor.missingValues,
                      format: format)
    }

    /// Reads CSV text (see `init(csvFile:labelColumn:readingColumnsOf:format:)`).
    public init(csvText: String, labelColumn: LabelColumn = .automatic, readingColumnsOf preprocessor: TablePreprocessor,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvText: csvText, labelColumn: labelColumn, featureColumns: preprocessor.featureColumns,
                      categoricalColumns: preprocessor.categoricalColumns, missingValues: preprocessor.missingValues,
                      format: format)
    }
}
