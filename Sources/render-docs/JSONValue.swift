/// The JSON values a notebook needs, written exactly as Python's
/// `json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)` writes them — the form `nbformat`
/// itself writes notebooks in, so a rendered notebook round-trips through Jupyter tools unchanged.
enum JSONValue: Hashable {
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The serialized text (no trailing newline).
    var serialized: String {
        var output = ""
        write(to: &output, depth: 0)
        return output
    }

    private func write(to output: inout String, depth: Int) {
        switch self {
        case let .int(value): output += String(value)
        case let .string(value): Self.writeString(value, to: &output)
        case let .array(values):
            guard !values.isEmpty else { output += "[]"; return }
            output += "["
            for (index, value) in values.enumerated() {
                output += (index == 0 ? "\n" : ",\n") + Self.indent(depth + 1)
                value.write(to: &output, depth: depth + 1)
            }
            output += "\n" + Self.indent(depth) + "]"
        case let .object(members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                output += (index == 0 ? "\n" : ",\n") + Self.indent(depth + 1)
                Self.writeString(key, to: &output)
                output += ": "
                members[key]?.write(to: &output, depth: depth + 1)
            }
            output += "\n" + Self.indent(depth) + "}"
        }
    }

    private static func indent(_ depth: Int) -> String { String(repeating: " ", count: depth) }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
