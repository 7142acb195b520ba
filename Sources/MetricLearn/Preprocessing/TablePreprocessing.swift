/// Turns a spreadsheet-like `RawTable` into the numeric features every learner takes, as a
/// scikit-learn `ColumnTransformer` of `SimpleImputer` and `OneHotEncoder` would.
///
/// The steps, always in this order:
/// 1. the `imputer` (if any) fills missing cells, numbers and categories, with values learned from
///    the training rows;
/// 2. the `encoder` one-hot encodes the categorical columns (categories from the training rows;
///    one seen only later encodes as all zeros) and passes numeric columns through.
///
/// Without an imputer a missing cell is an error (`missingValue`). Fit on the training rows only;
/// the fitted `TablePreprocessor` records the columns, their kinds, the fill values and the categories,
/// so it applies the same transform to test rows and to new files.
///
/// ```swift
/// let penguins = try RawDataset(csvFile: "penguins.csv", labelColumn: .named("species"), missingValues: .accept)
/// let (train, test) = try penguins.stratifiedSplit(testFraction: 0.25, seed: 0)
/// let preprocessor = try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(train)
/// let metric = try Whitening().fit(try preprocessor.transform(train))
/// ```
public struct TablePreprocessing: Sendable, Hashable, Codable {
    /// Fills missing cells before encoding (`nil`: missing cells are errors).
    public var imputer: Imputer?
    /// Encodes categorical columns.
    public var encoder: OneHotEncoder

    /// Creates a configuration; by default nothing is imputed.
    public init(imputer: Imputer? = nil, encoder: OneHotEncoder = OneHotEncoder()) {
        self.imputer = imputer
        self.encoder = encoder
    }

    /// Fits the imputer on `table`, then the encoder on the imputed table.
    ///
    /// - Throws: the imputer's errors (`emptyInput` naming an all-missing column), then the encoder's
    ///   (`missingValue` without an imputer, `invalidData` for clashing feature names).
    public func fit(_ table: RawTable) throws(MetricLearnError) -> TablePreprocessor {
        let imputation = try imputer.map { imputer throws(MetricLearnError) in try imputer.fit(table) }
        let imputed = try imputation?.transform(table) ?? table
        return TablePreprocessor(preprocessing: self, imputation: imputation, encoding: try encoder.fit(imputed))
    }

    /// Fits on the feature columns of `dataset` (labels play no part).
    public func fit(_ dataset: RawDataset) throws(MetricLearnError) -> TablePreprocessor {
        try fit(dataset.table)
    }
}
