/// Input checks shared by every learner. Each throws the `MetricLearnError` that names the problem.
enum Validation {
    /// At least one row and one column, every value finite.
    static func checkFeatures(_ x: Matrix) throws(MetricLearnError) {
        guard x.rowCount > 0 else { throw .emptyInput(what: "no samples") }
        guard x.columnCount > 0 else { throw .emptyInput(what: "no features") }
        if let (row, column) = x.firstNonFiniteIndex { throw .nonFiniteValue(row: row, column: column) }
    }

    /// `x` has the `expected` number of columns and only finite values.
    static func checkTransformInput(_ x: Matrix, expectedWidth: Int) throws(MetricLearnError) {
        guard x.columnCount == expectedWidth else {
            throw .featureCountMismatch(expected: expectedWidth, actual: x.columnCount)
        }
        if let (row, column) = x.firstNonFiniteIndex { throw .nonFiniteValue(row: row, column: column) }
    }

    /// Features are valid, one non-negative label per sample, at least two classes, and every class
    /// has at least `minimumClassSize` samples. Returns the sample count of each label 0...max.
    @discardableResult
    static func checkLabeled(_ x: Matrix, labels: [Int], minimumClassSize: Int = 1) throws(MetricLearnError) -> [Int] {
        try checkFeatures(x)
        guard labels.count == x.rowCount else {
            throw .labelCountMismatch(sampleCount: x.rowCount, labelCount: labels.count)
        }
        if let negative = labels.first(where: { $0 < 0 }) {
            throw .invalidParameter(name: "labels", value: String(negative),
                                    requirement: "class labels are indices 0, 1, 2, …")
        }
        var counts = [Int](repeating: 0, count: (labels.max() ?? 0) + 1)
        for label in labels { counts[label] += 1 }
        let present = counts.indices.filter { counts[$0] > 0 }
        guard present.count >= 2 else { throw .singleClass(label: String(labels[0])) }
        if let small = present.first(where: { counts[$0] < minimumClassSize }) {
            throw .classTooSmall(label: String(small), count: counts[small], required: minimumClassSize)
        }
        return counts
    }

    /// Throws `invalidParameter` unless `isValid`.
    static func require(_ isValid: Bool, _ name: String, _ value: some CustomStringConvertible,
                        _ requirement: String) throws(MetricLearnError) {
        guard isValid else { throw .invalidParameter(name: name, value: value.description, requirement: requirement) }
    }
}
