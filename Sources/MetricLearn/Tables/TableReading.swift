/// How a labelled CSV table becomes training data: which column holds the labels and whether they are classes or
/// regression targets, which columns are features, which of them are categories to one-hot encode, and how missing
/// cells are filled.
///
/// With no categorical columns and no imputer, every feature cell must be a number and the file is read by the
/// strict numeric reader (`Dataset(csvFile:)`). Otherwise it is read as a `RawTable` and turned into numbers by
/// the `TablePreprocessing` this describes, fitted on the training rows. The command line's `--label-column`,
/// `--features`, `--ignore`, `--categorical`, `--impute`, `--fill-value` and `--fill-category` build one.
public struct TableReading: Sendable, Hashable {
    /// The column of class labels or regression targets (default: the one named `label`, else the last).
    public var labelColumn: LabelColumn
    /// Whether the label column holds class labels or numeric regression targets (default: class labels).
    public var task: LearningTask
    /// The feature columns (default: every column but the label).
    public var featureColumns: FeatureColumns
    /// The feature columns to read as categories (default: none).
    public var categoricalColumns: CategoricalColumns
    /// How missing cells are filled (default: nil, a missing cell is an error).
    public var imputer: Imputer?

    /// A reading; the defaults read every column but the label as numbers, the label as class labels.
    public init(labelColumn: LabelColumn = .automatic, featureColumns: FeatureColumns = .all,
                categoricalColumns: CategoricalColumns = .none, imputer: Imputer? = nil,
                task: LearningTask = .classification) {
        self.labelColumn = labelColumn
        self.task = task
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
