/// Encoded as `{"table": <RawTable>, "labels": [...], "classNames": [...]}`; decoding validates like
/// the initializer.
extension RawDataset: Codable {
    private enum CodingKeys: String, CodingKey { case table, labels, classNames }

    /// Decodes a raw dataset and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let table = try container.decode(RawTable.self, forKey: .table)
        let labels = try container.decode([Int].self, forKey: .labels)
        let classNames = try container.decode([String].self, forKey: .classNames)
        do {
            try self.init(table: table, labels: labels, classNames: classNames)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid raw dataset: \(error)"))
        }
    }

    /// Encodes the dataset in the layout above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(table, forKey: .table)
        try container.encode(labels, forKey: .labels)
        try container.encode(classNames, forKey: .classNames)
    }
}
