/// Whether a raw column holds numbers or categories.
public enum ColumnKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Numbers, used as they are (after imputation).
    case numeric
    /// Category names (text), one-hot encoded.
    case categorical
}

/// One named feature column of a `RawTable`: numbers or category names, any of them possibly
/// missing (`nil`).
public struct RawColumn: Sendable, Hashable {
    /// A column's cells, top to bottom.
    public enum Values: Sendable, Hashable {
        /// Numbers; `nil` is a missing cell.
        case numbers([Double?])
        /// Category names, exactly as written; `nil` is a missing cell.
        case categories([String?])
    }

    /// The column's name.
    public let name: String
    /// The cells.
    public let values: Values

    /// A numeric column.
    public init(name: String, numbers: [Double?]) {
        self.name = name
        self.values = .numbers(numbers)
    }

    /// A categorical column.
    public init(name: String, categories: [String?]) {
        self.name = name
        self.values = .categories(categories)
    }

    init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    /// Numeric or categorical.
    public var kind: ColumnKind {
        switch values {
        case .numbers: .numeric
        case .categories: .categorical
        }
    }

    /// The number of cells.
    public var count: Int {
        switch values {
        case let .numbers(numbers): numbers.count
        case let .categories(categories): categories.count
        }
    }

    /// The 0-based rows whose cell is missing.
    public var missingRows: [Int] {
        switch values {
        case let .numbers(numbers): numbers.indices.filter { numbers[$0] == nil }
        case let .categories(categories): categories.indices.filter { categories[$0] == nil }
        }
    }

    /// The first 0-based row whose cell is missing, if any.
    var firstMissingRow: Int? {
        switch values {
        case let .numbers(numbers): numbers.firstIndex { $0 == nil }
        case let .categories(categories): categories.firstIndex { $0 == nil }
        }
    }

    /// The cells at `rows`, in that order.
    ///
    /// - Precondition: every index is in `0..<count`.
    func subset(rows: some Collection<Int>) -> RawColumn {
        switch values {
        case let .numbers(numbers): RawColumn(name: name, numbers: rows.map { numbers[$0] })
        case let .categories(categories): RawColumn(name: name, categories: rows.map { categories[$0] })
        }
    }
}

/// Encoded as `{"name": "island", "kind": "categorical", "values": ["Biscoe", null, …]}`, with
/// numbers for a numeric column; `null` is a missing cell.
extension RawColumn: Codable {
    private enum CodingKeys: String, CodingKey { case name, kind, values }

    /// Decodes a column whose `values` are numbers or strings according to its `kind`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        switch try container.decode(ColumnKind.self, forKey: .kind) {
        case .numeric: self.init(name: name, numbers: try container.decode([Double?].self, forKey: .values))
        case .categorical: self.init(name: name, categories: try container.decode([String?].self, forKey: .values))
        }
    }

    /// Encodes the column in the layout above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        switch values {
        case let .numbers(numbers): try container.encode(numbers, forKey: .values)
        case let .categories(categories): try container.encode(categories, forKey: .values)
        }
    }
}
