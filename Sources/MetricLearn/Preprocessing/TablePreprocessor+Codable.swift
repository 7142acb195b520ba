/// Encoded as `{"preprocessing": {…}, "imputation": <Imputation>, "encoding": <OneHotEncoding>}`
/// (`imputation` absent without an imputer). Decoding checks the parts belong together: the same
/// configuration, and the imputation's columns and kinds equal to the encoding's.
extension TablePreprocessor: Codable {
    private enum CodingKeys: String, CodingKey { case preprocessing, imputation, encoding }

    /// Decodes a fitted table preprocessor; parts that do not fit together are a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let preprocessing = try container.decode(TablePreprocessing.self, forKey: .preprocessing)
        let imputation = try container.decodeIfPresent(Imputation.self, forKey: .imputation)
        let encoding = try container.decode(OneHotEncoding.self, forKey: .encoding)
        let columns = encoding.columns.map { [$0.name, $0.kind.rawValue] }
        guard imputation?.imputer == preprocessing.imputer, encoding.encoder == preprocessing.encoder,
              imputation.map({ $0.fills.map { [$0.column, $0.value.kind.rawValue] } == columns }) ?? true else {
            throw DecodingError.dataCorruptedError(
                forKey: .imputation, in: container,
                debugDescription: "the imputation and the encoding do not match the configuration or each other's columns")
        }
        self.init(preprocessing: preprocessing, imputation: imputation, encoding: encoding)
    }

    /// Encodes the preprocessing, the imputation (when any) and the encoding.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(preprocessing, forKey: .preprocessing)
        try container.encodeIfPresent(imputation, forKey: .imputation)
        try container.encode(encoding, forKey: .encoding)
    }
}
