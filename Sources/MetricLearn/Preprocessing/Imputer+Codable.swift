/// Encoded as `{"strategy": "mean" | "median" | "most-frequent" | "constant"}`, with a `"value"`
/// for a constant.
extension Imputer.NumericStrategy: Codable {
    /// Decodes a strategy by name; an unknown name is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let (name, container) = try StrategyCoding.decodeName(from: decoder)
        switch name {
        case "mean": self = .mean
        case "median": self = .median
        case "most-frequent": self = .mostFrequent
        case "constant": self = .constant(try container.decode(Double.self, forKey: .value))
        default: throw StrategyCoding.unknown(name, in: container, expected: "mean, median, most-frequent, constant")
        }
    }

    /// Encodes the strategy's name, and its value for a constant.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StrategyCoding.Keys.self)
        switch self {
        case .mean: try container.encode("mean", forKey: .strategy)
        case .median: try container.encode("median", forKey: .strategy)
        case .mostFrequent: try container.encode("most-frequent", forKey: .strategy)
        case let .constant(value):
            try container.encode("constant", forKey: .strategy)
            try container.encode(value, forKey: .value)
        }
    }
}

/// Encoded as `{"strategy": "most-frequent" | "constant"}`, with a `"value"` for a constant.
extension Imputer.CategoricalStrategy: Codable {
    /// Decodes a strategy by name; an unknown name is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let (name, container) = try StrategyCoding.decodeName(from: decoder)
        switch name {
        case "most-frequent": self = .mostFrequent
        case "constant": self = .constant(try container.decode(String.self, forKey: .value))
        default: throw StrategyCoding.unknown(name, in: container, expected: "most-frequent, constant")
        }
    }

    /// Encodes the strategy's name, and its value for a constant.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StrategyCoding.Keys.self)
        switch self {
        case .mostFrequent: try container.encode("most-frequent", forKey: .strategy)
        case let .constant(value):
            try container.encode("constant", forKey: .strategy)
            try container.encode(value, forKey: .value)
        }
    }
}

/// The `{"strategy": name, "value": …}` layout shared by the two strategy enums.
private enum StrategyCoding {
    enum Keys: String, CodingKey { case strategy, value }

    static func decodeName(from decoder: any Decoder) throws -> (String, KeyedDecodingContainer<Keys>) {
        let container = try decoder.container(keyedBy: Keys.self)
        return (try container.decode(String.self, forKey: .strategy), container)
    }

    static func unknown(_ name: String, in container: KeyedDecodingContainer<Keys>, expected: String) -> DecodingError {
        .dataCorruptedError(forKey: .strategy, in: container,
                            debugDescription: "unknown imputation strategy '\(name)' (expected \(expected))")
    }
}
