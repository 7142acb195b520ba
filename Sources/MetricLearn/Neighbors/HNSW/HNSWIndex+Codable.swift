import Foundation

/// Encoded as `{"parameters", "dimension", "graph"}`, the graph in hnswlib's `saveIndex` layout (base64 in JSON).
/// Decoding checks the graph completely before hnswlib sees it, so a damaged document is a `DecodingError`, never
/// a crash. Files for the command line, with checks that the index belongs to a metric and its training rows, are
/// `write(toFile:metric:trainingFeatures:)`'s.
extension HNSWIndex: Codable {
    private enum CodingKeys: String, CodingKey { case parameters, dimension, graph }

    /// Decodes an index and checks its graph; an invalid one is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let parameters = try container.decode(HNSWParameters.self, forKey: .parameters)
        let dimension = try container.decode(Int.self, forKey: .dimension)
        let bytes = try container.decode(Data.self, forKey: .graph)
        do {
            try parameters.validate()
            self.init(graph: try HNSWGraph.load([UInt8](bytes)[...], dimension: dimension), parameters: parameters)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .graph, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the parameters, the dimension and the graph.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(dimension, forKey: .dimension)
        try container.encode(Data(graph.serialized()), forKey: .graph)
    }
}
