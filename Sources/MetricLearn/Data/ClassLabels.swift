/// The class of each row of a labelled table, as an index into `classNames`: the part that
/// `Dataset` (a `FeatureTable` with labels) and `RawDataset` (a `RawTable` with labels) share.
///
/// A class may have no rows (a subset keeps every class name, so indices mean the same thing in a
/// training and a test split).
struct ClassLabels: Sendable, Hashable {
    /// The class index of each row, in `0..<classNames.count`.
    let labels: [Int]
    /// The name of each class; `labels` index into it.
    let classNames: [String]

    /// Labels checked against their class names.
    ///
    /// - Throws: `invalidData` when `classNames` repeats a name or a label is not an index into
    ///   `classNames`.
    init(labels: [Int], classNames: [String]) throws(MetricLearnError) {
        try Validation.requireDistinct(classNames, kind: "classNames")
        if let label = labels.first(where: { $0 < 0 || $0 >= classNames.count }) {
            throw .invalidData(what: "labels", value: String(label),
                               requirement: "must be a class index in 0..<\(classNames.count) (one per class name)")
        }
        self.init(unchecked: labels, classNames: classNames)
    }

    /// Labels already known to index `classNames`, which are distinct.
    init(unchecked labels: [Int], classNames: [String]) {
        self.labels = labels
        self.classNames = classNames
    }

    /// The row indices of each class 0...max(`labels`) in row order (empty for a class without rows); labels must be
    /// non-negative.
    static func members(of labels: [Int]) -> [[Int]] {
        var members = [[Int]](repeating: [], count: (labels.max() ?? -1) + 1)
        for (row, label) in labels.enumerated() { members[label].append(row) }
        return members
    }

    /// Throws `labelCountMismatch` unless there is one label per row of a table of `rowCount` rows.
    static func requireOneLabelPerRow(labelCount: Int, rowCount: Int) throws(MetricLearnError) {
        guard labelCount == rowCount else { throw .labelCountMismatch(sampleCount: rowCount, labelCount: labelCount) }
    }

    /// The number of rows of each class, indexed like `classNames`.
    var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classNames.count)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// Each row's class name.
    var rowClassNames: [String] { labels.map { classNames[$0] } }

    /// The labels of `rows`, in that order, with every class name.
    ///
    /// - Precondition: every index is in `0..<labels.count`.
    func subset(rows: some Collection<Int>) -> ClassLabels {
        ClassLabels(unchecked: rows.map { labels[$0] }, classNames: classNames)
    }

    /// The training and test rows of a seeded stratified split (see `StratifiedSplit`).
    ///
    /// - Throws: as `StratifiedSplit.indices(labels:)`, naming classes by name.
    func stratifiedSplitRows(testFraction: Double, seed: UInt64) throws(MetricLearnError)
        -> (train: [Int], test: [Int]) {
        do {
            return try StratifiedSplit(testFraction: testFraction, seed: seed).indices(labels: labels)
        } catch {
            throw namingClasses(in: error)
        }
    }

    /// `error` with any class index it names (as in `singleClass` or `classTooSmall`) replaced by
    /// that class's name.
    func namingClasses(in error: MetricLearnError) -> MetricLearnError {
        func name(_ text: String) -> String {
            guard let index = Int(text), classNames.indices.contains(index) else { return text }
            return classNames[index]
        }
        switch error {
        case let .singleClass(label):
            return .singleClass(label: name(label))
        case let .classTooSmall(label, count, required):
            return .classTooSmall(label: name(label), count: count, required: required)
        default:
            return error
        }
    }
}
