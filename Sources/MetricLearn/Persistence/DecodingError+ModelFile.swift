/// One-line descriptions of decoding failures for model-file errors, naming the key path
/// (`components.values[3]`) rather than dumping Foundation's debug structure.
extension DecodingError {
    var modelFileDescription: String {
        switch self {
        case let .keyNotFound(key, context):
            return "missing key '\(Self.path(context.codingPath + [key]))'"
        case let .valueNotFound(type, context):
            return "\(Self.subject(context.codingPath)) is null where a \(Self.name(of: type)) is needed"
        case let .typeMismatch(type, context):
            return "\(Self.subject(context.codingPath)) is not a \(Self.name(of: type))"
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                let detail = context.underlyingError.map { " (\($0))" } ?? ""
                return "not valid JSON\(detail)"
            }
            return "'\(Self.path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }

    /// `'components.values[3]'`, or "the document" for the top level.
    private static func subject(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the document" : "'\(path(keys))'"
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: "number"
        case is Int.Type: "whole number"
        case is String.Type: "string"
        case is Bool.Type: "Boolean"
        default: "\(type)".hasPrefix("Array") ? "list" : "JSON object"
        }
    }
}
