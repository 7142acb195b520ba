/// Encoded as `{"rows": m, "columns": n, "values": [row-major elements]}`.
///
/// Decoding validates the shape, so a malformed file is a `DecodingError`, never a trap.
extension Matrix: Codable {
    private enum CodingKeys: String, CodingKey { case rows, columns, values }

    /// Decodes a matrix; a `values` array that does not hold rows × columns elements is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let values = try container.decode([Double].self, forKey: .values)
        let (expected, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, values.count == expected else {
            throw DecodingError.dataCorruptedError(
                forKey: .values, in: container,
                debugDescription: "a \(rows)×\(columns) matrix cannot hold the \(values.count) values found")
        }
        self.init(rowCount: rows, columnCount: columns, elements: values)
    }

    /// Encodes the shape and the row-major elements.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rowCount, forKey: .rows)
        try container.encode(columnCount, forKey: .columns)
        try container.encode(elements, forKey: .values)
    }
}
