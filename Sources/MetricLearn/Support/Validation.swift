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
        try checkLabelIndices(labels)
        var counts = [Int](repeating: 0, count: (labels.max() ?? 0) + 1)
        for label in labels { counts[label] += 1 }
        let present = counts.indices.filter { counts[$0] > 0 }
        guard present.count >= 2 else { throw .singleClass(label: String(labels[0])) }
        if let small = present.first(where: { counts[$0] < minimumClassSize }) {
            throw .classTooSmall(label: String(small), count: counts[small], required: minimumClassSize)
        }
        return counts
    }

    /// Features are valid and there is one finite target per sample (see `checkTargets`); with
    /// `requiringSpread`, not all targets are equal (a learner has nothing to learn from constant targets) and their
    /// spread Σ(t − t̄)² is a normal number (they can be standardised).
    static func checkTargeted(_ x: Matrix, targets: [Double], requiringSpread: Bool) throws(MetricLearnError) {
        try checkFeatures(x)
        guard targets.count == x.rowCount else {
            throw .labelCountMismatch(sampleCount: x.rowCount, labelCount: targets.count)
        }
        try checkTargets(targets)
        guard requiringSpread, let first = targets.first else { return }
        if targets.allSatisfy({ $0 == first }) {
            throw .invalidData(what: "targets", value: "all \(first)",
                               requirement: "must not all be equal: constant targets leave nothing to learn")
        }
        let spread = RegressionMetrics.totalSumOfSquares(targets)
        if spread < Double.leastNormalMagnitude {
            throw .invalidData(what: "targets", value: "spread Σ(t − t̄)² = \(spread)",
                               requirement: "must be at least \(Double.leastNormalMagnitude) to be standardised: the "
                                   + "targets are too close together; express them in smaller units")
        }
    }

    /// The largest magnitude a regression target may have: the scores and MLKR sum the targets' squares, which
    /// stay finite for up to 10⁷ samples below it.
    static let largestTarget = 1e150

    /// Every regression target is finite and at most `largestTarget` in magnitude; the error names the first that
    /// is not by its 0-based row.
    static func checkTargets(_ targets: [Double]) throws(MetricLearnError) {
        if let row = targets.firstIndex(where: { !$0.isFinite }) {
            throw .invalidData(what: "targets", value: "[\(row)] = \(targets[row])", requirement: "must be finite numbers")
        }
        if let row = targets.firstIndex(where: { abs($0) > largestTarget }) {
            throw .invalidData(what: "targets", value: "[\(row)] = \(targets[row])",
                               requirement: "must be at most 1e150 in magnitude (their squares are summed); express "
                                   + "them in larger units")
        }
    }

    /// Every label is a class index: not negative, and below the sample count or 2²², whichever is larger
    /// (callers size per-class arrays by the largest label, so a stray 10¹² must not ask for terabytes).
    static func checkLabelIndices(_ labels: [Int]) throws(MetricLearnError) {
        if let negative = labels.first(where: { $0 < 0 }) {
            throw .invalidData(what: "labels", value: String(negative),
                               requirement: "class labels are indices 0, 1, 2, …")
        }
        let limit = max(labels.count, 1 << 22)
        if let huge = labels.first(where: { $0 >= limit }) {
            throw .invalidData(what: "labels", value: String(huge),
                               requirement: "class labels are indices 0, 1, 2, … below \(limit) "
                                   + "(the sample count or 2²², whichever is larger)")
        }
    }

    /// Squares of feature differences, and sums of n·d of them (distances, covariances), stay within
    /// Double's normal range: for the largest column spread s = max − min, n·d·s² is finite and, unless every
    /// column is constant, s² is not below the smallest normal number. For features near 1e±150 this holds;
    /// near 1e+160 or 1e−170 it does not, and learners that square differences refuse such data.
    static func checkSquaredScale(_ x: Matrix) throws(MetricLearnError) {
        let d = x.columnCount
        var low = [Double](repeating: .infinity, count: d), high = [Double](repeating: -.infinity, count: d)
        x.elements.withUnsafeBufferPointer { values in
            for i in 0..<x.rowCount {   // row by row, in memory order
                for j in 0..<d {
                    low[j] = min(low[j], values[i * d + j])
                    high[j] = max(high[j], values[i * d + j])
                }
            }
        }
        let spread = zip(low, high).reduce(0.0) { max($0, $1.1 - $1.0) }
        guard spread > 0 else { return }
        let limit = (Double.greatestFiniteMagnitude / Double(x.rowCount * x.columnCount)).squareRoot()
        guard spread <= limit && spread * spread >= .leastNormalMagnitude else {
            let shown = spread.isFinite ? "\(spread)" : "beyond \(Double.greatestFiniteMagnitude)"
            throw featureScale("their largest spread (\(shown)) squared leaves Double's range; standardise the features")
        }
    }

    /// The refusal of features on a scale a learner cannot work at (`requirement` says why and what to do): a problem
    /// with the data, named `features`.
    static func featureScale(_ requirement: String) -> MetricLearnError {
        .invalidData(what: "features", value: "on this scale", requirement: requirement)
    }

    /// Each name given once; `kind` names the list in the error (`featureNames`, `classNames`, …).
    static func requireDistinct(_ names: [String], kind: String) throws(MetricLearnError) {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .invalidData(what: kind, value: "'\(name)' twice", requirement: "names must be distinct")
        }
    }

    /// Throws `invalidData` (the data `what` is at fault) unless `isValid`.
    static func requireData(_ isValid: Bool, _ what: String, _ value: some CustomStringConvertible,
                            _ requirement: String) throws(MetricLearnError) {
        guard isValid else { throw .invalidData(what: what, value: value.description, requirement: requirement) }
    }

    /// Throws `invalidParameter` unless `isValid`.
    static func require(_ isValid: Bool, _ name: String, _ value: some CustomStringConvertible,
                        _ requirement: String) throws(MetricLearnError) {
        guard isValid else { throw .invalidParameter(name: name, value: value.description, requirement: requirement) }
    }
}
