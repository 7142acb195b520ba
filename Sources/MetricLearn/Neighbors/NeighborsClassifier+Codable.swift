/// Encoded with its configuration, metric, index, HNSW graph (when there is one), labels and class count;
/// decoding checks that the parts fit together, so a malformed file is a `DecodingError`, never a classifier that
/// traps.
extension NeighborsClassifier: Codable {
    private enum CodingKeys: String, CodingKey { case configuration, metric, index, approximateIndex, labels, classCount }

    /// Decodes a classifier and validates it again; an inconsistent document is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let configuration = try container.decode(KNearestNeighbors.self, forKey: .configuration)
        let metric = try container.decodeIfPresent(MahalanobisMetric.self, forKey: .metric)
        let index = try container.decode(NearestNeighborIndex.self, forKey: .index)
        let approximateIndex = try container.decodeIfPresent(HNSWIndex.self, forKey: .approximateIndex)
        let labels = try container.decode([Int].self, forKey: .labels)
        let classCount = try container.decode(Int.self, forKey: .classCount)
        func corrupted(_ key: CodingKeys, _ reason: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: reason)
        }
        guard labels.count == index.count else {
            throw corrupted(.labels, "\(labels.count) labels for \(index.count) training samples")
        }
        let classLimit = max(labels.count, 1 << 22)
        guard classCount >= 1, classCount <= classLimit else {
            throw corrupted(.classCount, "\(classCount) is not a class count in 1...\(classLimit) "
                                + "(the sample count or 2²², whichever is larger)")
        }
        guard labels.allSatisfy({ $0 >= 0 && $0 < classCount }) else {
            throw corrupted(.labels, "labels must be class indices in 0..<\(classCount)")
        }
        if let (key, reason) = Self.inconsistency(of: configuration, metric: metric, index: index,
                                                  approximateIndex: approximateIndex) {
            throw corrupted(CodingKeys(rawValue: key) ?? .configuration, reason)
        }
        self.init(configuration: configuration, metric: metric, index: index, approximateIndex: approximateIndex,
                  labels: labels, classCount: classCount)
    }

    /// Encodes the configuration, the metric, the index and the labels.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(configuration, forKey: .configuration)
        try container.encodeIfPresent(metric, forKey: .metric)
        try container.encode(index, forKey: .index)
        try container.encodeIfPresent(approximateIndex, forKey: .approximateIndex)
        try container.encode(labels, forKey: .labels)
        try container.encode(classCount, forKey: .classCount)
    }
}
