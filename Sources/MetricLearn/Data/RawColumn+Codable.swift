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
