/// An unlabelled table as it comes from a spreadsheet, before preprocessing: named feature columns
/// of numbers or categories, with missing cells allowed.
///
/// A `TablePreprocessor` turns it into a numeric `FeatureTable` (imputation, then one-hot encoding).
/// `RawDataset` is the labelled counterpart.
///
/// Encoded as `{"columns": [<RawColumn>, …]}`; decoding validates like the initializer.
public struct RawTable: Sendable, Hashable, Codable {
    /// The feature columns, in file order.
    public let columns: [RawColumn]
    /// The number of rows.
    public let rowCount: Int

    /// Creates a table, checking that the columns fit together.
    ///
    /// - Throws: `emptyInput` for no columns; `invalidData` when the columns differ in length or
    ///   repeat a name; `nonFiniteValue` (row, column) for a NaN or infinite number (a missing number
    ///   is `nil`, never NaN).
    public init(columns: [RawColumn]) throws(MetricLearnError) {
        guard let first = columns.first else { throw .emptyInput(what: "no columns") }
        if let uneven = columns.first(where: { $0.count != first.count }) {
            throw .invalidData(what: "columns", value: "'\(uneven.name)' with \(uneven.count) cells",
                               requirement: "every column needs \(first.count) cells, as '\(first.name)'")
        }
        try Validation.requireDistinct(columns.map(\.name), kind: "column names")
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

    private enum CodingKeys: String, CodingKey { case columns }

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

extension RawTable {
    /// Decodes a raw table and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let columns = try container.decode([RawColumn].self, forKey: .columns)
        do {
            try self.init(columns: columns)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .columns, in: container,
                                                   debugDescription: "invalid raw table: \(error)")
        }
    }
}

/// Checking a table against the columns a fitted preprocessing step was fitted on.
extension RawTable {
    /// Requires exactly the columns `names`, in this order, of the given `kinds`.
    ///
    /// - Throws: `invalidData` (named `columns`) listing what differs.
    func requireColumns(_ names: [String], kinds: [ColumnKind]) throws(MetricLearnError) {
        guard columnNames == names else {
            let shown = { (names: [String]) in names.map { "'\($0)'" }.joined(separator: ", ") }
            throw .invalidData(what: "columns", value: shown(columnNames),
                               requirement: "must be the columns seen at fit time, in order: \(shown(names))")
        }
        for (column, kind) in zip(columns, kinds) where column.kind != kind {
            throw .invalidData(what: "columns", value: "'\(column.name)' \(column.kind.rawValue)",
                               requirement: "must be \(kind.rawValue), as at fit time")
        }
    }
}
