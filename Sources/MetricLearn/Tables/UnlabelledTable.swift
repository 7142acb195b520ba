/// A training table without class labels, for learners that learn from pairs or triplets: every column is a
/// feature except the identifier column (if any) and what the reading leaves out; numbers as written, or a raw
/// table with the preprocessing to fit on its rows. Its rows are named as the pairs or triplets files name them
/// (`rows`: 0-based numbers or the identifier column's values).
///
/// This is the library's path from a table and a constraints file to a model, the one `metric-learn fit itml
/// --pairs P.csv` takes:
///
/// ```swift
/// let table = try UnlabelledTable(csvFile: "records.csv", identifierColumn: "record_id")
/// let pairs = try PairList(csvFile: "pairs.csv", rows: table.rows)
/// let fit = try table.fit(.mmc(MMC()), supervision: .pairs(try pairs.constraints()), standardizing: true)
/// try fit.modelFile().write(toFile: "records-mmc.json")      // with the threshold calibrated on the pairs
/// ```
public struct UnlabelledTable: Sendable {
    /// What was read.
    public enum Contents: Sendable, Hashable {
        /// Every feature a number, as written.
        case numeric(FeatureTable)
        /// A raw table, and the preprocessing to fit on its rows.
        case raw(RawTable, TablePreprocessing)
    }

    /// The samples.
    public let contents: Contents
    /// How constraint files name the rows.
    public let rows: RowIdentifiers
    /// What reading found worth a warning (identifier-like categorical columns).
    public let warnings: [DataWarning]

    /// Reads the CSV file at `path` as `reading` says, without a label column: `reading.featureColumns` `.all`
    /// means every column but `identifierColumn` (`reading.labelColumn` is not used).
    ///
    /// - Throws: `file` when it cannot be read, `csv` for bad contents or a missing column, `invalidParameter`
    ///   (named `featureColumns`) when the identifier column is also named as a feature, and `invalidData` for a
    ///   repeated identifier.
    public init(csvFile path: String, reading: TableReading = TableReading(),
                identifierColumn: String? = nil) throws(MetricLearnError) {
        var columns = reading.featureColumns
        if let identifierColumn { columns = try columns.excluding(identifierColumn, as: "the identifier column") }
        let contents: Contents
        let sampleCount: Int
        if let preprocessing = reading.tablePreprocessing {
            let raw = try RawTable(csvFile: path, columns: columns, categoricalColumns: reading.categoricalColumns,
                                   missingValues: reading.missingValues)
            contents = .raw(raw, preprocessing)
            sampleCount = raw.rowCount
            warnings = TrainingTable.identifierColumns(of: raw).map { DataWarning.identifierColumn(column: $0) }
        } else {
            let table = try FeatureTable(csvFile: path, columns: columns)
            contents = .numeric(table)
            sampleCount = table.sampleCount
            warnings = []
        }
        self.contents = contents
        rows = try identifierColumn.map { (column) throws(MetricLearnError) in
            try RowIdentifiers(csvFile: path, column: column)
        } ?? .rowNumbers(count: sampleCount)
    }

    /// A table of samples in memory, its rows named by number.
    public init(_ contents: Contents) {
        self.contents = contents
        switch contents {
        case let .numeric(table):
            rows = .rowNumbers(count: table.sampleCount)
            warnings = []
        case let .raw(table, _):
            rows = .rowNumbers(count: table.rowCount)
            warnings = TrainingTable.identifierColumns(of: table).map { DataWarning.identifierColumn(column: $0) }
        }
    }

    /// The number of samples.
    public var sampleCount: Int { rows.rowCount }

    /// The numeric features: the table's numbers, or the raw table preprocessed by a preprocessor fitted on all its
    /// rows (returned with it).
    public func numericData() throws(MetricLearnError) -> (table: FeatureTable, preprocessor: TablePreprocessor?) {
        try numericData(startingFrom: nil)
    }

    /// `numericData()`, with the table preprocessor of `model` (a warm start's) instead of a new one.
    func numericData(startingFrom model: ModelFile?) throws(MetricLearnError)
        -> (table: FeatureTable, preprocessor: TablePreprocessor?) {
        switch contents {
        case let .numeric(table):
            _ = try model?.startingPreprocessor(for: nil)
            return (table, nil)
        case let .raw(table, preprocessing):
            let preprocessor = try preprocessing.fit(table, startingFrom: model)
            return (try preprocessor.transform(table), preprocessor)
        }
    }
}
