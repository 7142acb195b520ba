/// A labelled table: a `FeatureTable` (one row of `features` per sample, named feature columns) and
/// each sample's class index in `labels`, with names for the classes.
///
/// Labels are class indices into `classNames` (0, 1, 2, …), the form every learner takes. A class
/// may have no samples (a subset keeps every class name, so indices mean the same thing in a
/// training and a test split). `RawDataset` is the same shape around a `RawTable`.
///
/// Encoded as `{"features": <Matrix>, "labels": [...], "classNames": [...], "featureNames": [...]}`.
/// Decoding runs the validating initializer, so an inconsistent file is a `DecodingError`, never
/// an invalid value.
public struct Dataset: Sendable, Hashable {
    /// The feature columns.
    public let table: FeatureTable
    /// The labels and class names.
    let classes: ClassLabels

    /// Creates a dataset, checking that the parts fit together.
    ///
    /// - Throws: `labelCountMismatch` when there is not one label per row; `invalidData` when
    ///   `featureNames` does not name each column once, when `classNames` repeats a name, or when a
    ///   label is not an index into `classNames`.
    public init(features: Matrix, labels: [Int], classNames: [String], featureNames: [String])
        throws(MetricLearnError) {
        try ClassLabels.requireOneLabelPerRow(labelCount: labels.count, rowCount: features.rowCount)
        try self.init(unchecked: FeatureTable(features: features, featureNames: featureNames),
                      classes: ClassLabels(labels: labels, classNames: classNames))
    }

    /// Creates a dataset of `table`'s rows, checking the labels as `init(features:labels:classNames:featureNames:)`.
    public init(table: FeatureTable, labels: [Int], classNames: [String]) throws(MetricLearnError) {
        try ClassLabels.requireOneLabelPerRow(labelCount: labels.count, rowCount: table.sampleCount)
        try self.init(unchecked: table, classes: ClassLabels(labels: labels, classNames: classNames))
    }

    /// Creates a dataset from parts already known to be consistent.
    init(unchecked table: FeatureTable, classes: ClassLabels) {
        self.table = table
        self.classes = classes
    }

    /// The samples (rows) and their features (columns).
    public var features: Matrix { table.features }
    /// The class index of each sample, in `0..<classNames.count`.
    public var labels: [Int] { classes.labels }
    /// The name of each class; `labels` index into it.
    public var classNames: [String] { classes.classNames }
    /// The name of each feature column.
    public var featureNames: [String] { table.featureNames }

    /// The number of samples (rows).
    public var sampleCount: Int { table.sampleCount }

    /// The number of features (columns).
    public var featureCount: Int { table.featureCount }

    /// The number of classes, including any without samples.
    public var classCount: Int { classNames.count }

    /// The number of samples of each class, indexed like `classNames`.
    public var classCounts: [Int] { classes.classCounts }

    /// The samples at `rows`, in that order (repeats allowed), with the same class and feature names.
    ///
    /// - Precondition: every index is in `0..<sampleCount`.
    public func subset(rows: some Collection<Int>) -> Dataset {
        Dataset(unchecked: table.subset(rows: rows), classes: classes.subset(rows: rows))
    }

    /// A seeded stratified split into a training and a test dataset, both keeping every class name
    /// (so class indices mean the same in both) and the samples' original order.
    ///
    /// - Throws: as `StratifiedSplit.indices(labels:)`, naming classes by name.
    public func stratifiedSplit(testFraction: Double, seed: UInt64) throws(MetricLearnError)
        -> (train: Dataset, test: Dataset) {
        let rows = try classes.stratifiedSplitRows(testFraction: testFraction, seed: seed)
        return (subset(rows: rows.train), subset(rows: rows.test))
    }

    /// `error` with any class index it names (as in `singleClass` or `classTooSmall`) replaced by
    /// that class's name.
    func namingClasses(in error: MetricLearnError) -> MetricLearnError {
        classes.namingClasses(in: error)
    }
}

extension Dataset: Codable {
    private enum CodingKeys: String, CodingKey { case features, labels, classNames, featureNames }

    /// Decodes a dataset and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let features = try container.decode(Matrix.self, forKey: .features)
        let labels = try container.decode([Int].self, forKey: .labels)
        let classNames = try container.decode([String].self, forKey: .classNames)
        let featureNames = try container.decode([String].self, forKey: .featureNames)
        do {
            try self.init(features: features, labels: labels, classNames: classNames, featureNames: featureNames)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid dataset: \(error)"))
        }
    }

    /// Encodes the dataset in the flat layout above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(features, forKey: .features)
        try container.encode(labels, forKey: .labels)
        try container.encode(classNames, forKey: .classNames)
        try container.encode(featureNames, forKey: .featureNames)
    }
}
