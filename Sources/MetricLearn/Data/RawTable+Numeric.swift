/// Numeric tables as raw tables, so that they can go through a `TablePreprocessor` (or a pipeline
/// stage that expects raw data) like any spreadsheet.
extension RawTable {
    /// One numeric column per feature; a NaN (how `CSVFormat.NonFiniteValues.accept` reads an empty
    /// or `NA` cell) becomes a missing cell.
    ///
    /// - Throws: `emptyInput` for a table without features, `nonFiniteValue` for ±∞.
    public init(_ table: FeatureTable) throws(MetricLearnError) {
        let features = table.features
        var columns: [RawColumn] = []
        for column in 0..<features.columnCount {
            var cells: [Double?] = []
            cells.reserveCapacity(features.rowCount)
            for row in 0..<features.rowCount {
                let value = features[row, column]
                if value.isInfinite { throw .nonFiniteValue(row: row, column: column) }
                cells.append(value.isNaN ? nil : value)
            }
            columns.append(RawColumn(name: table.featureNames[column], numbers: cells))
        }
        try self.init(columns: columns)
    }
}

extension RawDataset {
    /// The features of `dataset` as numeric raw columns (NaN becomes missing), with its labels and
    /// class names.
    ///
    /// - Throws: `emptyInput` for a dataset without features, `nonFiniteValue` for ±∞.
    public init(_ dataset: Dataset) throws(MetricLearnError) {
        self.init(unchecked: try RawTable(dataset.table), classes: dataset.classes)
    }
}

extension RawRegressionDataset {
    /// The features of `dataset` as numeric raw columns (NaN becomes missing), with its targets.
    ///
    /// - Throws: `emptyInput` for a dataset without features, `nonFiniteValue` for ±∞.
    public init(_ dataset: RegressionDataset) throws(MetricLearnError) {
        self.init(unchecked: try RawTable(dataset.table), targets: dataset.targets)
    }
}

extension FeatureTable {
    /// The numeric columns of `table` as they are: what a table needs no preprocessing for.
    ///
    /// - Throws: `invalidData` (named `columns`) for a categorical column, `missingValue` for a
    ///   missing cell.
    public init(_ table: RawTable) throws(MetricLearnError) {
        let (n, d) = (table.rowCount, table.columns.count)
        var elements = [Double](repeating: 0, count: n * d)
        for (j, column) in table.columns.enumerated() {
            guard case let .numbers(cells) = column.values else {
                throw .invalidData(what: "columns", value: "'\(column.name)' categorical",
                                   requirement: "must be numeric without table preprocessing (a TablePreprocessing "
                                       + "one-hot encodes categories)")
            }
            for (i, cell) in cells.enumerated() {
                guard let cell else { throw .missingValue(row: i, column: column.name) }
                elements[i * d + j] = cell
            }
        }
        self.init(unchecked: Matrix(rowCount: n, columnCount: d, elements: elements), featureNames: table.columnNames)
    }
}

extension Dataset {
    /// The numeric columns of `dataset` as they are, with its labels and class names (see
    /// `FeatureTable.init(_:)` for the errors).
    public init(_ dataset: RawDataset) throws(MetricLearnError) {
        self.init(unchecked: try FeatureTable(dataset.table), classes: dataset.classes)
    }
}

extension RegressionDataset {
    /// The numeric columns of `dataset` as they are, with its targets (see `FeatureTable.init(_:)` for the errors).
    public init(_ dataset: RawRegressionDataset) throws(MetricLearnError) {
        self.init(unchecked: try FeatureTable(dataset.table), targets: dataset.targets)
    }
}
