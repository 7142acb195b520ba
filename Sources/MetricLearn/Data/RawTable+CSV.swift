import Foundation

/// Reading an unlabelled raw table from CSV, e.g. new rows to preprocess and classify.
///
/// The file format is that of `Dataset(csvFile:)`. Feature columns are numeric or categorical
/// (`categoricalColumns`); with `missingValues: .accept`, empty cells and the markers `NA`, `N/A`,
/// `#N/A`, `NaN`, `null` and `none` (any case) are read as missing, otherwise they are errors naming
/// the cell, as in a numeric `Dataset`. Numbers must be finite: infinities and overflowing numbers
/// are always errors (`format.nonFiniteValues` does not apply). A categorical cell keeps its text as
/// written (inside quotes, spaces count).
///
/// To read a new file the way a fitted `TablePreprocessor` expects, use
/// `RawTable(csvFile:readingColumnsOf:)`.
extension RawTable {
    /// Reads the CSV file at `path`.
    ///
    /// - Throws: `MetricLearnError.file` when the file cannot be read, `.csv` for bad contents.
    public init(csvFile path: String, columns: FeatureColumns = .all, categoricalColumns: CategoricalColumns = .automatic,
                missingValues: MissingValues = .reject, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: FileContents.bytes(atPath: path), columns: columns,
                      categoricalColumns: categoricalColumns, missingValues: missingValues, format: format)
    }

    /// Reads CSV text.
    public init(csvText: String, columns: FeatureColumns = .all, categoricalColumns: CategoricalColumns = .automatic,
                missingValues: MissingValues = .reject, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvText.utf8), columns: columns, categoricalColumns: categoricalColumns,
                      missingValues: missingValues, format: format)
    }

    /// Reads CSV bytes (UTF-8).
    public init(csvData: Data, columns: FeatureColumns = .all, categoricalColumns: CategoricalColumns = .automatic,
                missingValues: MissingValues = .reject, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(csvBytes: Array(csvData), columns: columns, categoricalColumns: categoricalColumns,
                      missingValues: missingValues, format: format)
    }

    private init(csvBytes: [UInt8], columns: FeatureColumns, categoricalColumns: CategoricalColumns,
                 missingValues: MissingValues, format: CSVFormat) throws(MetricLearnError) {
        self = try CSVRawTableReader.read(csvBytes, format: format, labelColumn: nil, featureColumns: columns,
                                          categoricalColumns: categoricalColumns, missingValues: missingValues,
                                          labels: CSVLabelInterner.self).table
    }
}
