import Foundation

/// A labelled training table as a `TableReading` reads it: numbers as written, or a raw table with the
/// preprocessing that each fit — or each cross-validation fold — fits on its own training rows; the labels are
/// classes or, with `TableReading.task` `.regression`, numeric targets.
///
/// This is the library's whole path from a table to a model, the one the command line's `fit` and `evaluate`
/// take: `fit(_:standardizing:progress:)` learns a metric with the table preprocessing and an optional
/// standardisation folded in, `crossValidate` scores a pipeline (a `Pipeline` on class labels, a
/// `RegressionPipeline` on targets) with the preprocessing fitted inside each fold, and `warnings` tell what in
/// the data may spoil either.
///
/// ```swift
/// let reading = TableReading(labelColumn: .named("species"), featureColumns: .allExcept(["id"]),
///                            categoricalColumns: .automatic, imputer: Imputer(numbers: .median))
/// let table = try TrainingTable(csvFile: "penguins.csv", reading: reading)
/// let fit = try table.fit(.nca(NCA()), standardizing: true)
/// try fit.modelFile().write(toFile: "penguins-nca.json")
/// ```
public struct TrainingTable: Sendable {
    /// What was read.
    public enum Contents: Sendable, Hashable {
        /// Every feature a number, as written, with class labels.
        case numeric(Dataset)
        /// A raw table with class labels, and the preprocessing to fit on its training rows.
        case raw(RawDataset, TablePreprocessing)
        /// Every feature a number, as written, with regression targets.
        case numericTargets(RegressionDataset)
        /// A raw table with regression targets, and the preprocessing to fit on its training rows.
        case rawTargets(RawRegressionDataset, TablePreprocessing)

        /// The feature columns of a raw table (nil for numbers).
        public var rawTable: RawTable? {
            switch self {
            case let .raw(dataset, _): dataset.table
            case let .rawTargets(dataset, _): dataset.table
            case .numeric, .numericTargets: nil
            }
        }
    }

    /// The fewest present cells for a categorical column of distinct values to count as an identifier.
    public static let identifierMinimumCount = 10

    /// The ratio of the features' standard deviations from which a learner that depends on the units is warned
    /// about (`DataWarning.featureScalesDiffer`). Squared distances weigh a column by its variance, so at 100× the
    /// smaller column counts 10⁴ times less and barely moves the fit. Iris (4×) stays quiet; wine (proline
    /// against nonflavanoid phenols, 2500×) and the penguins table (grams against an island indicator, 2100×) do
    /// not.
    public static let scaleWarningRatio = 100.0

    /// The samples.
    public let contents: Contents
    /// What reading found worth a warning (identifier-like categorical columns).
    public let warnings: [DataWarning]

    /// Reads the CSV file at `path` as `reading` says.
    ///
    /// - Throws: `file` when it cannot be read, `csv` for bad contents (with `.regression`, a label cell that is not
    ///   a finite number, naming its line), and the label and column errors of the readers.
    public init(csvFile path: String, reading: TableReading = TableReading()) throws(MetricLearnError) {
        let (columns, task) = (reading.featureColumns, reading.task)
        guard let preprocessing = reading.tablePreprocessing else {
            self.init(contents: task == .classification
                ? .numeric(try Dataset(csvFile: path, labelColumn: reading.labelColumn, featureColumns: columns))
                : .numericTargets(try RegressionDataset(csvFile: path, targetColumn: reading.labelColumn,
                                                        featureColumns: columns)))
            return
        }
        let (categorical, missing) = (reading.categoricalColumns, reading.missingValues)
        self.init(contents: task == .classification
            ? .raw(try RawDataset(csvFile: path, labelColumn: reading.labelColumn, featureColumns: columns,
                                  categoricalColumns: categorical, missingValues: missing), preprocessing)
            : .rawTargets(try RawRegressionDataset(csvFile: path, targetColumn: reading.labelColumn,
                                                   featureColumns: columns, categoricalColumns: categorical,
                                                   missingValues: missing), preprocessing))
    }

    /// Numeric training data with class labels.
    public init(_ dataset: Dataset) {
        self.init(contents: .numeric(dataset))
    }

    /// A raw table with class labels and the preprocessing that turns it into numbers.
    public init(_ dataset: RawDataset, preprocessing: TablePreprocessing) {
        self.init(contents: .raw(dataset, preprocessing))
    }

    /// Numeric training data with regression targets.
    public init(_ dataset: RegressionDataset) {
        self.init(contents: .numericTargets(dataset))
    }

    /// A raw table with regression targets and the preprocessing that turns it into numbers.
    public init(_ dataset: RawRegressionDataset, preprocessing: TablePreprocessing) {
        self.init(contents: .rawTargets(dataset, preprocessing))
    }

    /// `contents`, warned about identifier-like categorical columns of a raw table.
    private init(contents: Contents) {
        self.contents = contents
        warnings = contents.rawTable.map { Self.identifierColumns(of: $0).map { DataWarning.identifierColumn(column: $0) } } ?? []
    }

    /// Whether the labels are classes or regression targets.
    public var task: LearningTask {
        switch contents {
        case .numeric, .raw: .classification
        case .numericTargets, .rawTargets: .regression
        }
    }

    /// The number of samples.
    public var sampleCount: Int {
        switch contents {
        case let .numeric(dataset): dataset.sampleCount
        case let .raw(dataset, _): dataset.sampleCount
        case let .numericTargets(dataset): dataset.sampleCount
        case let .rawTargets(dataset, _): dataset.sampleCount
        }
    }

    /// The number of classes (0 for regression targets).
    public var classCount: Int {
        switch contents {
        case let .numeric(dataset): dataset.classCount
        case let .raw(dataset, _): dataset.classCount
        case .numericTargets, .rawTargets: 0
        }
    }

    /// The preprocessing of a raw table (nil for numbers).
    public var tablePreprocessing: TablePreprocessing? {
        switch contents {
        case let .raw(_, preprocessing), let .rawTargets(_, preprocessing): preprocessing
        case .numeric, .numericTargets: nil
        }
    }

    /// The categorical columns whose present cells (at least `identifierMinimumCount`) are all different.
    static func identifierColumns(of table: RawTable) -> [String] {
        table.columns.compactMap { column in
            guard case let .categories(cells) = column.values else { return nil }
            let present = cells.compactMap { $0 }
            return present.count >= identifierMinimumCount && Set(present).count == present.count ? column.name : nil
        }
    }
}
