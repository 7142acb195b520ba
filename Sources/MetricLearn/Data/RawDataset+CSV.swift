import Foundation

/// Reading a labelled raw dataset from CSV: a spreadsheet with numeric and text columns and,
/// when asked for, missing cells.
///
/// Column roles: the label column (`labelColumn`, read as in `Dataset(csvFile:)`, classes in the
/// same order); the feature columns (`featureColumns`: all, named ones, or all but named ignored
/// ones); among those, the categorical ones (`categoricalColumns`: detected, named, or none); the
/// rest are ignored and may hold anything. Cells are read as in `RawTable(csvFile:)`.
///
/// ```swift
/// let penguins = try RawDataset(csvFile: "penguins.csv", labelColumn: .named("species"),
///                               featureColumns: .allExcept(["year"]), missingValues: .accept)
/// ```
extension RawDataset {
    /// Reads the CSV file at `path`.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents.
    public init(csvFile path: String, labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                categoricalColumns: CategoricalColumns = .automatic, missingValues: MissingValues = .reject,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: FileContents.bytes(atPath: path), labelColumn: labelColumn,
                      featureColumns: featureColumns, categoricalColumns: categoricalColumns,
                      missingValues: missingValues, format: format)
    }

    /// Reads CSV text.
    public init(csvText: String, labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                categoricalColumns: CategoricalColumns = .automatic, missingValues: MissingValues = .reject,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvText.utf8), labelColumn: labelColumn, featureColumns: featureColumns,
                      categoricalColumns: categoricalColumns, missingValues: missingValues, format: format)
    }

    /// Reads CSV bytes (UTF-8).
    public init(csvData: Data, labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                categoricalColumns: CategoricalColumns = .automatic, missingValues: MissingValues = .reject,
                format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvData), labelColumn: labelColumn, featureColumns: featureColumns,
                      categoricalColumns: categoricalColumns, missingValues: missingValues, format: format)
    }

    private init(csvBytes: [UInt8], labelColumn: LabelColumn, featureColumns: FeatureColumns,
                 categoricalColumns: CategoricalColumns, missingValues: MissingValues,
                 format: CSVFormat) throws(MetricLearnError) {
        let contents = try CSVRawTableReader.read(csvBytes, format: format, labelColumn: labelColumn,
                                                  featureColumns: featureColumns,
                                                  categoricalColumns: categoricalColumns, missingValues: missingValues,
                                                  labels: CSVLabelInterner.self)
        self.init(unchecked: contents.table, classes: contents.labels)
    }
}
