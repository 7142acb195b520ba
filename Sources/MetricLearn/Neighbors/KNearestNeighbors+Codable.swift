/// Encoded as `{"neighborCount", "weighting"}`, plus `"search"` when it is not `.exact` (so configurations of
/// exact search encode as they did before the strategy existed, and decode without it).
extension KNearestNeighbors: Codable {
    private enum CodingKeys: String, CodingKey { case neighborCount, weighting, search }

    /// Decodes a configuration; a missing `search` is `.exact`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(neighborCount: try container.decode(Int.self, forKey: .neighborCount),
                  weighting: try container.decode(Weighting.self, forKey: .weighting),
                  search: try container.decodeIfPresent(NeighborSearchStrategy.self, forKey: .search) ?? .exact)
    }

    /// Encodes the configuration (`search` only when it is not `.exact`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(neighborCount, forKey: .neighborCount)
        try container.encode(weighting, forKey: .weighting)
        if search != .exact { try container.encode(search, forKey: .search) }
    }
}
