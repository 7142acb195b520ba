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
    /// A categorical column found by `CategoricalColumns.automatic` whose values are all different (an identifier,
    /// `DataWarning.identifierColumn`) is refused: one-hot encoding would make a feature of each row, which a
    /// forgotten id column of 40 000 rows turns into a table of 40 000² numbers. Naming the column categorical
    /// makes it a warning.
    ///
    /// - Throws: `file` when it cannot be read, `csv` for bad contents (with `.regression`, a label cell that is not
    ///   a finite number, naming its line), the label and column errors of the readers, and
    ///   `refusedData(.identifierColumn)`.
    public init(csvFile path: String, reading: TableReading = TableReading()) throws(MetricLearnError) {
        let (labelColumn, columns) = (reading.labelColumn, reading.featureColumns)
        guard let preprocessing = reading.tablePreprocessing else {
            switch reading.task {
            case .classification:
                let contents = try CSVTableReader.read(file: path, format: CSVFormat(), labelColumn: labelColumn,
                                                       featureColumns: columns, labels: CSVLabelInterner.self)
                self.init(Dataset(unchecked: contents.table, classes: contents.labels),
                          labelColumn: contents.labelColumnName)
            case .regression:
                let contents = try CSVTableReader.read(file: path, format: CSVFormat(), labelColumn: labelColumn,
                                                       featureColumns: columns, labels: CSVTargetReader.self)
                self.init(RegressionDataset(unchecked: contents.table, targets: contents.labels))
            }
            return
        }
        let bytes = try FileContents.bytes(atPath: path)
        switch reading.task {
        case .classification:
            let contents = try Self.readRaw(bytes, reading: reading, labels: CSVLabelInterner.self)
            self.init(RawDataset(unchecked: contents.table, classes: contents.labels), preprocessing: preprocessing,
                      labelColumn: contents.labelColumnName)
        case .regression:
            let contents = try Self.readRaw(bytes, reading: reading, labels: CSVTargetReader.self)
            self.init(RawRegressionDataset(unchecked: contents.table, targets: contents.labels),
                      preprocessing: preprocessing)
        }
    }

    /// Reads a raw table, refusing an identifier column that `CategoricalColumns.automatic` found.
    private static func readRaw<Reader: CSVLabelReader>(
        _ bytes: [UInt8], reading: TableReading, labels: Reader.Type
    ) throws(MetricLearnError) -> CSVContents<RawTable, Reader.Labels> {
        let contents = try CSVRawTableReader.read(bytes, format: CSVFormat(), labelColumn: reading.labelColumn,
                                                  featureColumns: reading.featureColumns,
                                                  categoricalColumns: reading.categoricalColumns,
                                                  missingValues: reading.missingValues, labels: labels)
        if reading.categoricalColumns == .automatic, let column = identifierColumns(of: contents.table).first {
            throw .refusedData(.identifierColumn(column: column))
        }
        return contents
    }

    /// Numeric training data with class labels (`labelColumn` names the label column in warnings).
    public init(_ dataset: Dataset, labelColumn: String? = nil) {
        self.init(contents: .numeric(dataset), labelWarnings: Self.labelWarnings(dataset.classes, labelColumn: labelColumn))
    }

    /// A raw table with class labels and the preprocessing that turns it into numbers (`labelColumn` names the
    /// label column in warnings).
    public init(_ dataset: RawDataset, preprocessing: TablePreprocessing, labelColumn: String? = nil) {
        self.init(contents: .raw(dataset, preprocessing),
                  labelWarnings: Self.labelWarnings(dataset.classes, labelColumn: labelColumn))
    }

    /// Numeric training data with regression targets.
    public init(_ dataset: RegressionDataset) {
        self.init(contents: .numericTargets(dataset), labelWarnings: [])
    }

    /// A raw table with regression targets and the preprocessing that turns it into numbers.
    public init(_ dataset: RawRegressionDataset, preprocessing: TablePreprocessing) {
        self.init(contents: .rawTargets(dataset, preprocessing), labelWarnings: [])
    }

    /// `contents`, warned about identifier-like categorical columns of a raw table, then `labelWarnings`.
    private init(contents: Contents, labelWarnings: [DataWarning]) {
        self.contents = contents
        warnings = (contents.rawTable.map { Self.identifierColumns(of: $0).map { DataWarning.identifierColumn(column: $0) } } ?? [])
            + labelWarnings
    }

    /// `continuousLabels` when most rows have a class of their own.
    static func labelWarnings(_ classes: ClassLabels, labelColumn: String?) -> [DataWarning] {
        let (classCount, sampleCount) = (classes.classNames.count, classes.labels.count)
        guard classCount >= identifierMinimumCount && 2 * classCount > sampleCount else { return [] }
        return [.continuousLabels(column: labelColumn, classCount: classCount, sampleCount: sampleCount)]
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
