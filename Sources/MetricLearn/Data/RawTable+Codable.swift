/// Encoded as `{"columns": [<RawColumn>, …]}`; decoding validates like the initializer.
extension RawTable: Codable {
    private enum CodingKeys: String, CodingKey { case columns }

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

    /// Encodes the table in the layout above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(columns, forKey: .columns)
    }
}
