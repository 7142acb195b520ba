/// Encoded as `{"points": <Matrix>}`; decoding re-validates the points, so a malformed file is a
/// `DecodingError`, never an index that traps or returns NaN distances.
extension NearestNeighborIndex: Codable {
    private enum CodingKeys: String, CodingKey { case points }

    /// Decodes an index and validates its points as `init(points:)` does; invalid points are a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let points = try container.decode(Matrix.self, forKey: .points)
        do {
            try self.init(points: points)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .points, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the indexed points.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(points, forKey: .points)
    }
}
