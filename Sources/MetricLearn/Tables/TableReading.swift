/// How a labelled CSV table becomes training data: which column holds the labels, which columns are features,
/// which of them are categories to one-hot encode, and how missing cells are filled.
///
/// With no categorical columns and no imputer, every feature cell must be a number and the file is read by the
/// strict numeric reader (`Dataset(csvFile:)`). Otherwise it is read as a `RawTable` and turned into numbers by
/// the `TablePreprocessing` this describes, fitted on the training rows. The command line's `--label-column`,
/// `--features`, `--ignore`, `--categorical`, `--impute`, `--fill-value` and `--fill-category` build one.
public struct TableReading: Sendable, Hashable {
    /// The column of class labels (default: the one named `label`, else the last).
    public var labelColumn: LabelColumn
    /// The feature columns (default: every column but the label).
    public var featureColumns: FeatureColumns
    /// The feature columns to read as categories (default: none).
    public var categoricalColumns: CategoricalColumns
    /// How missing cells are filled (default: nil, a missing cell is an error).
    public var imputer: Imputer?

    /// A reading; the defaults read every column but the label as numbers.
    public init(labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                categoricalColumns: CategoricalColumns = .none, imputer: Imputer? = nil) {
        self.labelColumn = labelColumn
        self.featureColumns = featureColumns
        self.categoricalColumns = categoricalColumns
        self.imputer = imputer
    }

    /// The preprocessing that turns the raw table into numbers, nil when the features are read as numbers.
    public var tablePreprocessing: TablePreprocessing? {
        categoricalColumns == .none && imputer == nil ? nil : TablePreprocessing(imputer: imputer)
    }

    /// Missing cells are read only when something imputes them.
    var missingValues: MissingValues { imputer == nil ? .reject : .accept }
}
