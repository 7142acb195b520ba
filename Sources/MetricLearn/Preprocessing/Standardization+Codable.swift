/// Encoded as `{"scaler": {…}, "means": [...], "scales": [...]}`. Decoding checks one mean and one
/// positive finite scale per feature and finite means, so a malformed file is a `DecodingError`.
extension Standardization: Codable {
    private enum CodingKeys: String, CodingKey { case scaler, means, scales }

    /// Decodes a standardization; anything but one finite mean and one positive finite scale per feature is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scaler = try container.decode(StandardScaler.self, forKey: .scaler)
        let means = try container.decode([Double].self, forKey: .means)
        let scales = try container.decode([Double].self, forKey: .scales)
        guard !means.isEmpty, means.count == scales.count, means.allSatisfy(\.isFinite),
              scales.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .scales, in: container,
                debugDescription: "a standardization needs one finite mean and one positive finite scale per feature")
        }
        self.init(scaler: scaler, means: means, scales: scales)
    }

    /// Encodes the scaler, the means and the scales.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scaler, forKey: .scaler)
        try container.encode(means, forKey: .means)
        try container.encode(scales, forKey: .scales)
    }
}
