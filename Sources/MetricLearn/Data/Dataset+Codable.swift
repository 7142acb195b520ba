/// Encoded as `{"features": <Matrix>, "labels": [...], "classNames": [...], "featureNames": [...]}`.
///
/// Decoding runs the validating initializer, so an inconsistent file is a `DecodingError`, never
/// an invalid value.
extension Dataset: Codable {
    private enum CodingKeys: String, CodingKey { case features, labels, classNames, featureNames }

    /// Decodes a dataset and validates it as the initializer does; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let features = try container.decode(Matrix.self, forKey: .features)
        let labels = try container.decode([Int].self, forKey: .labels)
        let classNames = try container.decode([String].self, forKey: .classNames)
        let featureNames = try container.decode([String].self, forKey: .featureNames)
        do {
            try self.init(features: features, labels: labels, classNames: classNames, featureNames: featureNames)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "invalid dataset: \(error)"))
        }
    }

    /// Encodes the dataset in the layout above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(features, forKey: .features)
        try container.encode(labels, forKey: .labels)
        try container.encode(classNames, forKey: .classNames)
        try container.encode(featureNames, forKey: .featureNames)
    }
}
