import Foundation

/// `value` as compact JSON with sorted keys: the deterministic text that model files and layout
/// tests compare byte for byte (without `.sortedKeys` the key order varies from run to run).
func sortedJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
