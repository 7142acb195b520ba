/// A fitted `Imputer`: the value that fills each column's missing cells, learned from training data.
public struct Imputation: Sendable, Hashable {
    /// A value that fills missing cells: a number for a numeric column, a category for a categorical one.
    public enum Value: Sendable, Hashable {
        /// Fills a numeric column.
        case number(Double)
        /// Fills a categorical column.
        case category(String)

        /// The kind of column this value fills.
        public var kind: ColumnKind {
            switch self {
            case .number: .numeric
            case .category: .categorical
            }
        }
    }

    /// One column's fill value.
    public struct Fill: Sendable, Hashable {
        /// The column's name.
        public let column: String
        /// What fills its missing cells.
        public let value: Value
    }

    /// The configuration this was fitted with.
    public let imputer: Imputer
    /// The fill value of every training column, in table order.
    public let fills: [Fill]

    init(imputer: Imputer, fills: [Fill]) {
        self.imputer = imputer
        self.fills = fills
    }

    /// `table` with every missing cell filled.
    ///
    /// - Throws: `invalidParameter` (named `columns`) unless `table` has the training columns, in
    ///   order and of the same kinds.
    public func transform(_ table: RawTable) throws(MetricLearnError) -> RawTable {
        try table.requireColumns(fills.map(\.column), kinds: fills.map(\.value.kind))
        let columns = zip(table.columns, fills).map { column, fill in
            switch (column.values, fill.value) {
            case let (.numbers(cells), .number(value)) where cells.contains(nil):
                RawColumn(name: column.name, numbers: cells.map { $0 ?? value })
            case let (.categories(cells), .category(value)) where cells.contains(nil):
                RawColumn(name: column.name, categories: cells.map { $0 ?? value })
            default:
                column
            }
        }
        return RawTable(unchecked: columns, rowCount: table.rowCount)
    }
}
