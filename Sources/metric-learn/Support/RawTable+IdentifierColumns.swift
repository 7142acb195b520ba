import MetricLearn

/// Spotting columns that name rows rather than describe them.
extension RawTable {
    /// The fewest present cells for a column of distinct values to count as an identifier.
    static let identifierMinimumCount = 10

    /// The categorical columns whose present cells (at least `identifierMinimumCount`) are all
    /// different: identifiers, which one-hot encoding would turn into one feature per row.
    var identifierColumns: [String] {
        columns.compactMap { column in
            guard case let .categories(cells) = column.values else { return nil }
            let present = cells.compactMap { $0 }
            return present.count >= Self.identifierMinimumCount && Set(present).count == present.count ? column.name : nil
        }
    }
}
