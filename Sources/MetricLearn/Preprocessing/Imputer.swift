/// Fills the missing cells of a `RawTable` with values learned from training data, as
/// scikit-learn's `SimpleImputer`.
///
/// Numeric columns use `numbers` (mean, median, most frequent or a constant); categorical columns
/// use `categories` (most frequent or a constant category). Statistics ignore missing cells.
/// Fit on the training rows only, then apply the same fitted `Imputation` to test rows and new files.
///
/// ```swift
/// let imputation = try Imputer(numbers: .median).fit(train.table)
/// let filled = try imputation.transform(test.table)
/// ```
///
/// Encoded as `{"numbers": <strategy>, "categories": <strategy>}` (see the strategies' encodings).
public struct Imputer: Sendable, Hashable, Codable {
    /// How the missing cells of a numeric column are filled.
    public enum NumericStrategy: Sendable, Hashable {
        /// The mean of the column's values.
        case mean
        /// The median of the column's values (the mean of the two middle ones for an even count).
        case median
        /// The column's most frequent value (the smallest of equally frequent ones).
        case mostFrequent
        /// This number (finite).
        case constant(Double)
    }

    /// How the missing cells of a categorical column are filled.
    public enum CategoricalStrategy: Sendable, Hashable {
        /// The column's most frequent category (the first in Unicode scalar order of equally frequent ones).
        case mostFrequent
        /// This category, which becomes a category of its own if the data does not have it.
        case constant(String)
    }

    /// The strategy for numeric columns.
    public var numbers: NumericStrategy
    /// The strategy for categorical columns.
    public var categories: CategoricalStrategy

    /// Creates an imputer; by default numbers get the column mean and categories the most frequent one.
    public init(numbers: NumericStrategy = .mean, categories: CategoricalStrategy = .mostFrequent) {
        self.numbers = numbers
        self.categories = categories
    }

    /// Learns each column's fill value from `table` (every column, so a new file may have missing
    /// cells where the training rows had none).
    ///
    /// - Throws: `emptyInput` for a table without rows, or naming a column whose every cell is
    ///   missing when its strategy needs a statistic; `invalidParameter` for a non-finite constant.
    /// - Complexity: O(n·d) (O(n log n) per column for the median).
    public func fit(_ table: RawTable) throws(MetricLearnError) -> Imputation {
        if case let .constant(value) = numbers {
            try Validation.require(value.isFinite, "numbers", "constant(\(value))", "the fill value must be finite")
        }
        guard table.rowCount > 0 else { throw .emptyInput(what: "no samples") }
        var fills: [Imputation.Fill] = []
        for column in table.columns {
            let value: Imputation.Value
            switch column.values {
            case let .numbers(cells): value = .number(try fillNumber(cells.compactMap { $0 }, column: column.name))
            case let .categories(cells): value = .category(try fillCategory(cells.compactMap { $0 }, column: column.name))
            }
            fills.append(Imputation.Fill(column: column.name, value: value))
        }
        return Imputation(imputer: self, fills: fills)
    }

    private func fillNumber(_ values: [Double], column: String) throws(MetricLearnError) -> Double {
        switch numbers {
        case let .constant(value):
            return value
        case .mean:
            return FiniteArithmetic.mean(try Self.present(values, column: column))
        case .median:
            let sorted = try Self.present(values, column: column).sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : FiniteArithmetic.midpoint(sorted[middle - 1], sorted[middle])
        case .mostFrequent:
            return Self.mostFrequent(try Self.present(values, column: column), precedes: <)
        }
    }

    private func fillCategory(_ values: [String], column: String) throws(MetricLearnError) -> String {
        switch categories {
        case let .constant(value):
            return value
        case .mostFrequent:
            return Self.mostFrequent(try Self.present(values, column: column)) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// `values` (a column's non-missing cells), or the error naming the column when there are none.
    private static func present<Value>(_ values: [Value], column: String) throws(MetricLearnError) -> [Value] {
        guard values.isEmpty else { return values }
        throw .emptyInput(what: "column '\(column)' has no values (every cell is missing), so there is nothing to "
                              + "impute it from; leave the column out or impute a constant")
    }

    /// The most frequent of `values` (not empty); the first in `precedes` order among ties.
    private static func mostFrequent<Value: Hashable>(_ values: [Value], precedes: (Value, Value) -> Bool) -> Value {
        var counts: [Value: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        var best = values[0]
        var bestCount = 0
        for (value, count) in counts where count > bestCount || (count == bestCount && precedes(value, best)) {
            (best, bestCount) = (value, count)
        }
        return best
    }
}
