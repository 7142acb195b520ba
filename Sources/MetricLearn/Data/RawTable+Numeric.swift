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
        let table = try RawTable(FeatureTable(unchecked: dataset.features, featureNames: dataset.featureNames))
        self.init(unchecked: table, labels: dataset.labels, classNames: dataset.classNames)
    }
}
