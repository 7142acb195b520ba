/// A fitted `Imputer`: the value that fills each column's missing cells, learned from training data.
///
/// Encoded as `{"imputer": {…}, "fills": [{"column": "bill_length_mm", "kind": "numeric", "value": 43.9},
/// {"column": "sex", "kind": "categorical", "value": "male"}, …]}`. Decoding checks distinct column
/// names and finite numbers.
public struct Imputation: Sendable, Hashable, Codable {
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
    /// - Throws: `invalidData` (named `columns`) unless `table` has the training columns, in
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

extension Imputation {
    /// Decodes an imputation; a column filled twice is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let imputer = try container.decode(Imputer.self, forKey: .imputer)
        let fills = try container.decode([Fill].self, forKey: .fills)
        guard Set(fills.map(\.column)).count == fills.count else {
            throw DecodingError.dataCorruptedError(forKey: .fills, in: container,
                                                   debugDescription: "an imputation names a column twice")
        }
        self.init(imputer: imputer, fills: fills)
    }
}

extension Imputation.Fill: Codable {
    private enum CodingKeys: String, CodingKey { case column, kind, value }

    /// Decodes a fill value whose type follows its `kind`; a non-finite number is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        column = try container.decode(String.self, forKey: .column)
        switch try container.decode(ColumnKind.self, forKey: .kind) {
        case .numeric:
            let number = try container.decode(Double.self, forKey: .value)
            guard number.isFinite else {
                throw DecodingError.dataCorruptedError(forKey: .value, in: container,
                                                       debugDescription: "the fill value of '\(column)' is not finite")
            }
            value = .number(number)
        case .categorical:
            value = .category(try container.decode(String.self, forKey: .value))
        }
    }

    /// Encodes the column, its kind and the fill value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(value.kind, forKey: .kind)
        switch value {
        case let .number(number): try container.encode(number, forKey: .value)
        case let .category(category): try container.encode(category, forKey: .value)
        }
    }
}
