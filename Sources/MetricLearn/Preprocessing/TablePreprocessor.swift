/// A fitted `TablePreprocessing`: the training columns (names and kinds), each column's fill value
/// and each categorical column's categories. It maps any table with those columns to numbers the
/// same way, imputation first, then one-hot encoding.
///
/// Encoded as `{"preprocessing": {…}, "imputation": <Imputation>, "encoding": <OneHotEncoding>}`
/// (`imputation` absent without an imputer). Decoding checks the parts belong together: the same
/// configuration, and the imputation's columns and kinds equal to the encoding's.
public struct TablePreprocessor: Sendable, Hashable, Codable {
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
    /// - Throws: `invalidData` (named `columns`) unless `table` has the training columns, in
    ///   order and of the same kinds; `missingValue` for a missing cell when nothing imputes it.
    public func transform(_ table: RawTable) throws(MetricLearnError) -> FeatureTable {
        try encoding.transform(try imputation?.transform(table) ?? table)
    }

    /// `dataset` imputed and encoded, with its labels and class names.
    public func transform(_ dataset: RawDataset) throws(MetricLearnError) -> Dataset {
        Dataset(unchecked: try transform(dataset.table), classes: dataset.classes)
    }

    /// `dataset` imputed and encoded, with its targets.
    public func transform(_ dataset: RawRegressionDataset) throws(MetricLearnError) -> RegressionDataset {
        RegressionDataset(unchecked: try transform(dataset.table), targets: dataset.targets)
    }
}

extension TablePreprocessor {
    /// Decodes a fitted table preprocessor; parts that do not fit together are a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let preprocessing = try container.decode(TablePreprocessing.self, forKey: .preprocessing)
        let imputation = try container.decodeIfPresent(Imputation.self, forKey: .imputation)
        let encoding = try container.decode(OneHotEncoding.self, forKey: .encoding)
        let columns = encoding.columns.map { [$0.name, $0.kind.rawValue] }
        guard imputation?.imputer == preprocessing.imputer, encoding.encoder == preprocessing.encoder,
              imputation.map({ $0.fills.map { [$0.column, $0.value.kind.rawValue] } == columns }) ?? true else {
            throw DecodingError.dataCorruptedError(
                forKey: .imputation, in: container,
                debugDescription: "the imputation and the encoding do not match the configuration or each other's columns")
        }
        self.init(preprocessing: preprocessing, imputation: imputation, encoding: encoding)
    }
}
