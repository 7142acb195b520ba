/// A labelled raw table: a `RawTable` (feature columns of numbers or categories, missing cells
/// allowed), each row's class index in `labels`, and the class names.
///
/// The raw counterpart of `Dataset`: a `TablePreprocessor` fitted on a training `RawDataset` turns
/// it (and any test split) into a numeric `Dataset`.
///
/// Encoded as `{"table": <RawTable>, "labels": [...], "classNames": [...]}`; decoding validates like
/// the initializer.
public struct RawDataset: Sendable, Hashable {
    /// The feature columns.
    public let table: RawTable
    /// The labels and class names.
    let classes: ClassLabels

    /// Creates a dataset, checking that the parts fit together.
    ///
    /// - Throws: `labelCountMismatch` when there is not one label per row; `invalidData` when
    ///   `classNames` repeats a name or a label is not an index into `classNames`.
    public init(table: RawTable, labels: [Int], classNames: [String]) throws(MetricLearnError) {
        try ClassLabels.requireOneLabelPerRow(labelCount: labels.count, rowCount: table.rowCount)
        try self.init(unchecked: table, classes: ClassLabels(labels: labels, classNames: classNames))
    }

    /// Creates a dataset from parts already known to be consistent.
    init(unchecked table: RawTable, classes: ClassLabels) {
        self.table = table
        self.classes = classes
    }

    /// The class index of each row, in `0..<classNames.count`.
    public var labels: [Int] { classes.labels }
    /// The name of each class; `labels` index into it.
    public var classNames: [String] { classes.classNames }

    /// The number of samples (rows).
    public var sampleCount: Int { table.rowCount }

    /// The number of classes, including any without samples.
    public var classCount: Int { classNames.count }

    /// The samples at `rows`, in that order (repeats allowed), with the same class names.
    ///
    /// - Precondition: every index is in `0..<sampleCount`.
    public func subset(rows: some Collection<Int>) -> RawDataset {
        RawDataset(unchecked: table.subset(rows: rows), classes: classes.subset(rows: rows))
    }

    /// A seeded stratified split into a training and a test dataset, exactly the rows that
    /// `Dataset.stratifiedSplit(testFraction:seed:)` picks for the same labels.
    ///
    /// - Throws: as `StratifiedSplit.indices(labels:)`, naming classes by name.
    public func stratifiedSplit(testFraction: Double, seed: UInt64) throws(MetricLearnError)
        -> (train: RawDataset, test: RawDataset) {
        let rows = try classes.stratifiedSplitRows(testFraction: testFraction, seed: seed)
        return (subset(rows: rows.train), subset(rows: rows.test))
    }
}

extension RawDataset: Codable {
    private enum CodingKeys: String, CodingKey { case table, labels, classNames }

    /// Decodes a raw dataset and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let table = try container.decode(RawTable.self, forKey: .table)
        let labels = try container.decode([Int].self, forKey: .labels)
        let classNames = try container.decode([String].self, forKey: .classNames)
        do {
            try self.init(table: table, labels: labels, classNames: classNames)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid raw dataset: \(error)"))
        }
    }

    /// Encodes the dataset in the layout above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(table, forKey: .table)
        try container.encode(labels, forKey: .labels)
        try container.encode(classNames, forKey: .classNames)
    }
}
