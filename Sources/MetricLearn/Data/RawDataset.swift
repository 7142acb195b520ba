/// A labelled raw table: feature columns of numbers or categories (missing cells allowed), each
/// row's class index in `labels`, and the class names.
///
/// The raw counterpart of `Dataset`: a `TablePreprocessor` fitted on a training `RawDataset` turns
/// it (and any test split) into a numeric `Dataset`.
public struct RawDataset: Sendable, Hashable {
    /// The feature columns.
    public let table: RawTable
    /// The class index of each row, in `0..<classNames.count`.
    public let labels: [Int]
    /// The name of each class; `labels` index into it.
    public let classNames: [String]

    /// Creates a dataset, checking that the parts fit together.
    ///
    /// - Throws: `labelCountMismatch` when there is not one label per row; `invalidParameter` when
    ///   `classNames` repeats a name or a label is not an index into `classNames`.
    public init(table: RawTable, labels: [Int], classNames: [String]) throws(MetricLearnError) {
        guard labels.count == table.rowCount else {
            throw .labelCountMismatch(sampleCount: table.rowCount, labelCount: labels.count)
        }
        try Dataset.checkNames(classNames, kind: "classNames", expectedCount: nil)
        if let label = labels.first(where: { $0 < 0 || $0 >= classNames.count }) {
            throw .invalidParameter(name: "labels", value: String(label),
                                    requirement: "must be a class index in 0..<\(classNames.count) (one per class name)")
        }
        self.init(unchecked: table, labels: labels, classNames: classNames)
    }

    /// Creates a dataset from parts already known to be consistent.
    init(unchecked table: RawTable, labels: [Int], classNames: [String]) {
        self.table = table
        self.labels = labels
        self.classNames = classNames
    }

    /// The number of samples (rows).
    public var sampleCount: Int { table.rowCount }

    /// The number of classes, including any without samples.
    public var classCount: Int { classNames.count }

    /// The samples at `rows`, in that order (repeats allowed), with the same class names.
    ///
    /// - Precondition: every index is in `0..<sampleCount`.
    public func subset(rows: some Collection<Int>) -> RawDataset {
        RawDataset(unchecked: table.subset(rows: rows), labels: rows.map { labels[$0] }, classNames: classNames)
    }

    /// A seeded stratified split into a training and a test dataset, exactly the rows that
    /// `Dataset.stratifiedSplit(testFraction:seed:)` picks for the same labels.
    ///
    /// - Throws: as `StratifiedSplit.indices(labels:)`, naming classes by name.
    public func stratifiedSplit(testFraction: Double, seed: UInt64) throws(MetricLearnError)
        -> (train: RawDataset, test: RawDataset) {
        let indices: (train: [Int], test: [Int])
        do {
            indices = try StratifiedSplit(testFraction: testFraction, seed: seed).indices(labels: labels)
        } catch {
            throw error.namingClasses(classNames)
        }
        return (subset(rows: indices.train), subset(rows: indices.test))
    }
}
