/// An unlabelled table as it comes from a spreadsheet, before preprocessing: named feature columns
/// of numbers or categories, with missing cells allowed.
///
/// A `TablePreprocessor` turns it into a numeric `FeatureTable` (imputation, then one-hot encoding).
/// `RawDataset` is the labelled counterpart.
public struct RawTable: Sendable, Hashable {
    /// The feature columns, in file order.
    public let columns: [RawColumn]
    /// The number of rows.
    public let rowCount: Int

    /// Creates a table, checking that the columns fit together.
    ///
    /// - Throws: `emptyInput` for no columns; `invalidParameter` when the columns differ in length or
    ///   repeat a name; `nonFiniteValue` (row, column) for a NaN or infinite number (a missing number
    ///   is `nil`, never NaN).
    public init(columns: [RawColumn]) throws(MetricLearnError) {
        guard let first = columns.first else { throw .emptyInput(what: "no columns") }
        if let uneven = columns.first(where: { $0.count != first.count }) {
            throw .invalidParameter(name: "columns", value: "'\(uneven.name)' with \(uneven.count) cells",
                                    requirement: "every column needs \(first.count) cells, as '\(first.name)'")
        }
        try Dataset.checkNames(columns.map(\.name), kind: "column names", expectedCount: nil)
        for (index, column) in columns.enumerated() {
            guard case let .numbers(numbers) = column.values else { continue }
            if let row = numbers.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) {
                throw .nonFiniteValue(row: row, column: index)
            }
        }
        self.init(unchecked: columns, rowCount: first.count)
    }

    /// Creates a table from columns already known to be consistent.
    init(unchecked columns: [RawColumn], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The columns' names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, if there is one.
    public func column(named name: String) -> RawColumn? {
        columns.first { $0.name == name }
    }

    /// The rows at `rows`, in that order (repeats allowed).
    ///
    /// - Precondition: every index is in `0..<rowCount`.
    public func subset(rows: some Collection<Int>) -> RawTable {
        RawTable(unchecked: columns.map { $0.subset(rows: rows) }, rowCount: rows.count)
    }
}
