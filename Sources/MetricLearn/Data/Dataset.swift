/// A labelled table: one row of `features` per sample, its class index in `labels`, and names for
/// the classes and the feature columns.
///
/// Labels are class indices into `classNames` (0, 1, 2, …), the form every learner takes. A class
/// may have no samples (a subset keeps every class name, so indices mean the same thing in a
/// training and a test split).
public struct Dataset: Sendable, Hashable {
    /// The samples (rows) and their features (columns).
    public let features: Matrix
    /// The class index of each sample, in `0..<classNames.count`.
    public let labels: [Int]
    /// The name of each class; `labels` index into it.
    public let classNames: [String]
    /// The name of each feature column.
    public let featureNames: [String]

    /// Creates a dataset, checking that the parts fit together.
    ///
    /// - Throws: `labelCountMismatch` when there is not one label per row; `invalidParameter` when
    ///   `featureNames` does not name each column once, when `classNames` repeats a name, or when a
    ///   label is not an index into `classNames`.
    public init(features: Matrix, labels: [Int], classNames: [String], featureNames: [String])
        throws(MetricLearnError) {
        guard labels.count == features.rowCount else {
            throw .labelCountMismatch(sampleCount: features.rowCount, labelCount: labels.count)
        }
        try Self.checkNames(featureNames, kind: "featureNames", expectedCount: features.columnCount)
        try Self.checkNames(classNames, kind: "classNames", expectedCount: nil)
        if let label = labels.first(where: { $0 < 0 || $0 >= classNames.count }) {
            throw .invalidParameter(name: "labels", value: String(label),
                                    requirement: "must be a class index in 0..<\(classNames.count) (one per class name)")
        }
        self.init(unchecked: features, labels: labels, classNames: classNames, featureNames: featureNames)
    }

    /// Creates a dataset from parts already known to be consistent.
    init(unchecked features: Matrix, labels: [Int], classNames: [String], featureNames: [String]) {
        self.features = features
        self.labels = labels
        self.classNames = classNames
        self.featureNames = featureNames
    }

    /// The number of samples (rows).
    public var sampleCount: Int { features.rowCount }

    /// The number of features (columns).
    public var featureCount: Int { features.columnCount }

    /// The number of classes, including any without samples.
    public var classCount: Int { classNames.count }

    /// The number of samples of each class, indexed like `classNames`.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The samples at `rows`, in that order (repeats allowed), with the same class and feature names.
    ///
    /// - Precondition: every index is in `0..<sampleCount`.
    public func subset(rows: some Collection<Int>) -> Dataset {
        Dataset(unchecked: features.rows(at: rows), labels: rows.map { labels[$0] },
                classNames: classNames, featureNames: featureNames)
    }

    /// `error` with any class index it names (as in `singleClass` or `classTooSmall`) replaced by
    /// that class's name.
    func namingClasses(in error: MetricLearnError) -> MetricLearnError {
        error.namingClasses(classNames)
    }

    /// Each name given once, and `expectedCount` of them when that is given.
    static func checkNames(_ names: [String], kind: String, expectedCount: Int?) throws(MetricLearnError) {
        if let expectedCount, names.count != expectedCount {
            throw .invalidParameter(name: kind, value: "\(names.count) names",
                                    requirement: "must name each of the \(expectedCount) feature columns once")
        }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .invalidParameter(name: kind, value: "'\(name)' twice", requirement: "names must be distinct")
        }
    }
}
