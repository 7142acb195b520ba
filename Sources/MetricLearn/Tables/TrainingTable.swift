import Foundation

/// A labelled training table as a `TableReading` reads it: numbers as written, or a raw table with the
/// preprocessing that each fit — or each cross-validation fold — fits on its own training rows.
///
/// This is the library's whole path from a table to a model, the one the command line's `fit` and `evaluate`
/// take: `fit(_:standardizing:progress:)` learns a metric with the table preprocessing and an optional
/// standardisation folded in, `crossValidate` scores a pipeline with the preprocessing fitted inside each fold,
/// and `warnings` tell what in the data may spoil either.
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
        /// Every feature a number, as written.
        case numeric(Dataset)
        /// A raw table, and the preprocessing to fit on its training rows.
        case raw(RawDataset, TablePreprocessing)
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
    /// - Throws: `file` when it cannot be read, `csv` for bad contents, the label and column errors of the
    ///   readers, and `refusedData(.identifierColumn)`.
    public init(csvFile path: String, reading: TableReading = TableReading()) throws(MetricLearnError) {
        let bytes = try FileContents.bytes(atPath: path)
        guard let preprocessing = reading.tablePreprocessing else {
            let contents = try CSVTableReader.read(bytes, format: CSVFormat(), labelColumn: reading.labelColumn,
                                                   featureColumns: reading.featureColumns)
            self.init(Dataset(unchecked: contents.table, classes: contents.classes),
                      labelColumn: contents.labelColumnName)
            return
        }
        let contents = try CSVRawTableReader.read(bytes, format: CSVFormat(), labelColumn: reading.labelColumn,
                                                  featureColumns: reading.featureColumns,
                                                  categoricalColumns: reading.categoricalColumns,
                                                  missingValues: reading.missingValues)
        let raw = RawDataset(unchecked: contents.table, classes: contents.classes)
        if reading.categoricalColumns == .automatic, let column = Self.identifierColumns(of: raw.table).first {
            throw .refusedData(.identifierColumn(column: column))
        }
        self.init(raw, preprocessing: preprocessing, labelColumn: contents.labelColumnName)
    }

    /// Numeric training data (`labelColumn` names the label column in warnings).
    public init(_ dataset: Dataset, labelColumn: String? = nil) {
        contents = .numeric(dataset)
        warnings = Self.labelWarnings(dataset.classes, labelColumn: labelColumn)
    }

    /// A raw table and the preprocessing that turns it into numbers (`labelColumn` names the label column in
    /// warnings).
    public init(_ dataset: RawDataset, preprocessing: TablePreprocessing, labelColumn: String? = nil) {
        contents = .raw(dataset, preprocessing)
        warnings = Self.identifierColumns(of: dataset.table).map { DataWarning.identifierColumn(column: $0) }
            + Self.labelWarnings(dataset.classes, labelColumn: labelColumn)
    }

    /// `continuousLabels` when most rows have a class of their own.
    static func labelWarnings(_ classes: ClassLabels, labelColumn: String?) -> [DataWarning] {
        let (classCount, sampleCount) = (classes.classNames.count, classes.labels.count)
        guard classCount >= identifierMinimumCount && 2 * classCount > sampleCount else { return [] }
        return [.continuousLabels(column: labelColumn, classCount: classCount, sampleCount: sampleCount)]
    }

    /// The number of samples.
    public var sampleCount: Int {
        switch contents {
        case let .numeric(dataset): dataset.sampleCount
        case let .raw(dataset, _): dataset.sampleCount
        }
    }

    /// The number of classes.
    public var classCount: Int {
        switch contents {
        case let .numeric(dataset): dataset.classCount
        case let .raw(dataset, _): dataset.classCount
        }
    }

    /// The preprocessing of a raw table (nil for numbers).
    public var tablePreprocessing: TablePreprocessing? {
        if case let .raw(_, preprocessing) = contents { return preprocessing }
        return nil
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
