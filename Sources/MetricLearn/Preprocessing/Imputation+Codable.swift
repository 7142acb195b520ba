/// Encoded as `{"imputer": {…}, "fills": [{"column": "bill_length_mm", "kind": "numeric", "value": 43.9},
/// {"column": "sex", "kind": "categorical", "value": "male"}, …]}`. Decoding checks distinct column
/// names and finite numbers.
extension Imputation: Codable {
    private enum CodingKeys: String, CodingKey { case imputer, fills }

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

    /// Encodes the imputer and its fill values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(imputer, forKey: .imputer)
        try container.encode(fills, forKey: .fills)
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
