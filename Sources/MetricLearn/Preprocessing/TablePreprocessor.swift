/// A fitted `TablePreprocessing`: the training columns (names and kinds), each column's fill value
/// and each categorical column's categories. It maps any table with those columns to numbers the
/// same way, imputation first, then one-hot encoding.
public struct TablePreprocessor: Sendable, Hashable {
    /// The configuration this was fitted with.
    public let preprocessing: TablePreprocessing
    /// The fill values (`nil` when the configuration has no imputer).
    public let imputation: Imputation?
    /// The columns, their kinds and the categories.
    public let encoding: OneHotEncoding

    init(preprocessing: TablePreprocessing, imputation: Imputation?, encoding: OneHotEncoding) {
        self.preprocessing = preprocessing
        self.imputation = imputation
        self.encoding = encoding
    }

    /// The training columns' names, in order.
    public var columnNames: [String] { encoding.columns.map(\.name) }

    /// The output features' names (`bill_length_mm`, `island=Biscoe`, …), in order.
    public var featureNames: [String] { encoding.featureNames }

    /// The rows of `table` imputed, then encoded.
    ///
    /// - Throws: `invalidParameter` (named `columns`) unless `table` has the training columns, in
    ///   order and of the same kinds; `missingValue` for a missing cell when nothing imputes it.
    public func transform(_ table: RawTable) throws(MetricLearnError) -> FeatureTable {
        try encoding.transform(try imputation?.transform(table) ?? table)
    }

    /// `dataset` imputed and encoded, with its labels and class names.
    public func transform(_ dataset: RawDataset) throws(MetricLearnError) -> Dataset {
        Dataset(unchecked: try transform(dataset.table), classes: dataset.classes)
    }
}

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
