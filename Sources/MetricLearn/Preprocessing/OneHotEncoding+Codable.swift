/// Encoded as `{"encoder": {}, "columns": [{"name": "bill_length_mm", "kind": "numeric"},
/// {"name": "island", "kind": "categorical", "categories": ["Biscoe", "Dream", "Torgersen"]}, …]}`.
/// Decoding checks that a categorical column has distinct categories (at least one), a numeric one
/// none, and that the column names and the output feature names are distinct.
extension OneHotEncoding: Codable {
    private enum CodingKeys: String, CodingKey { case encoder, columns }

    /// Decodes an encoding and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let encoder = try container.decode(OneHotEncoder.self, forKey: .encoder)
        let columns = try container.decode([Column].self, forKey: .columns)
        do {
            try self.init(encoder: encoder, columns: columns)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .columns, in: container,
                                                   debugDescription: "invalid one-hot encoding: \(error)")
        }
    }

    /// Encodes the encoder and the columns it learned.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.encoder, forKey: .encoder)
        try container.encode(columns, forKey: .columns)
    }
}

extension OneHotEncoding.Column: Codable {
    private enum CodingKeys: String, CodingKey { case name, kind, categories }

    /// Decodes a column; a categorical column lists its categories.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        switch try container.decode(ColumnKind.self, forKey: .kind) {
        case .numeric:
            guard !container.contains(.categories) else {
                throw DecodingError.dataCorruptedError(forKey: .categories, in: container,
                                                       debugDescription: "numeric column '\(name)' has categories")
            }
            self.init(numeric: name)
        case .categorical:
            let categories = try container.decode([String].self, forKey: .categories)
            guard !categories.isEmpty, Set(categories).count == categories.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .categories, in: container,
                    debugDescription: "categorical column '\(name)' needs distinct categories (at least one)")
            }
            self.init(categorical: name, categories: categories)
        }
    }

    /// Encodes the column's name and kind, and its categories when categorical.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        if kind == .categorical { try container.encode(categories, forKey: .categories) }
    }
}
