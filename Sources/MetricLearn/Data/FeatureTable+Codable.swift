/// Encoded as `{"features": <Matrix>, "featureNames": [...]}`; decoding validates like the initializer.
extension FeatureTable: Codable {
    private enum CodingKeys: String, CodingKey { case features, featureNames }

    /// Decodes a feature table and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let features = try container.decode(Matrix.self, forKey: .features)
        let featureNames = try container.decode([String].self, forKey: .featureNames)
        do {
            try self.init(features: features, featureNames: featureNames)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid feature table: \(error)"))
        }
    }

    /// Encodes the table in the layout above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(features, forKey: .features)
        try container.encode(featureNames, forKey: .featureNames)
    }
}
