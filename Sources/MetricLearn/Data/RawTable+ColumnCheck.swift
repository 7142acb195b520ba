/// Checking a table against the columns a fitted preprocessing step was fitted on.
extension RawTable {
    /// Requires exactly the columns `names`, in this order, of the given `kinds`.
    ///
    /// - Throws: `invalidParameter` (named `columns`) listing what differs.
    func requireColumns(_ names: [String], kinds: [ColumnKind]) throws(MetricLearnError) {
        guard columnNames == names else {
            let shown = { (names: [String]) in names.map { "'\($0)'" }.joined(separator: ", ") }
            throw .invalidParameter(name: "columns", value: shown(columnNames),
                                    requirement: "must be the columns seen at fit time, in order: \(shown(names))")
        }
        for (column, kind) in zip(columns, kinds) where column.kind != kind {
            throw .invalidParameter(name: "columns", value: "'\(column.name)' \(column.kind.rawValue)",
                                    requirement: "must be \(kind.rawValue), as at fit time")
        }
    }
}
