
/// How to read a new file so that it has the training columns.
extension TablePreprocessor {
    /// The training columns, by name and in order.
    public var featureColumns: FeatureColumns { .named(columnNames) }

    /// The training columns that are categorical.
    public var categoricalColumns: CategoricalColumns {
        let names = encoding.columns.filter { $0.kind == .categorical }.map(\.name)
        return names.isEmpty ? .none : .named(names)
    }

    /// `.accept` when missing cells are imputed, else `.reject`.
    public var missingValues: MissingValues { imputation == nil ? .reject : .accept }
}

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
