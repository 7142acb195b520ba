/// Follows Swift source line by line, far enough to know whether a line starts at file scope:
/// outside every `{ … }` block, block comment and multi-line string literal.
///
/// It understands line and (nested) block comments, string literals (single- and multi-line,
/// raw `#"…"#`, escapes, `\( … )` interpolations); braces anywhere else change the depth.
struct SwiftBlockScanner {
    private(set) var braceDepth = 0
    private var commentDepth = 0
    /// The `#` count of the open multi-line string literal, if one is open.
    private var openMultilineString: Int?

    /// Whether the next line starts at file scope.
    var isAtFileScope: Bool { braceDepth <= 0 && commentDepth == 0 && openMultilineString == nil }

    /// Advances over one line of source.
    mutating func scan(line: String) {
        let text = Array(line.unicodeScalars)
        var i = 0
        while i < text.count {
            if commentDepth > 0 {
                if text.hasPrefix("*/", at: i) { commentDepth -= 1; i += 2 }
                else if text.hasPrefix("/*", at: i) { commentDepth += 1; i += 2 }
                else { i += 1 }
                continue
            }
            if let hashes = openMultilineString {
                if text.hasPrefix("\"\"\"" + String(repeating: "#", count: hashes), at: i) {
                    openMultilineString = nil
                    i += 3 + hashes
                } else {
                    i = Self.skipEscape(text, at: i, hashes: hashes) ?? i + 1
                }
                continue
            }
            switch text[i] {
            case "/" where text.hasPrefix("//", at: i):
                return
            case "/" where text.hasPrefix("/*", at: i):
                commentDepth = 1
                i += 2
            case "{":
                braceDepth += 1
                i += 1
            case "}":
                braceDepth -= 1
                i += 1
            case "#", "\"":
                var quote = i
                while quote < text.count, text[quote] == "#" { quote += 1 }
                let hashes = quote - i
                if text.hasPrefix("\"\"\"", at: quote) {
                    openMultilineString = hashes
                    i = quote + 3
                } else if quote < text.count, text[quote] == "\"" {
                    i = Self.endOfString(text, from: quote + 1, hashes: hashes)
                } else {
                    i = max(quote, i + 1)
                }
            default:
                i += 1
            }
        }
    }

    /// The index just past the closing quote of a single-line string whose body starts at `start`.
    private static func endOfString(_ text: [Unicode.Scalar], from start: Int, hashes: Int) -> Int {
        let closing = "\"" + String(repeating: "#", count: hashes)
        var i = start
        while i < text.count {
            if text.hasPrefix(closing, at: i) { return i + closing.unicodeScalars.count }
            i = skipEscape(text, at: i, hashes: hashes) ?? i + 1
        }
        return i
    }

    /// When an escape (`\` followed by `hashes` #) starts at `i`: the index after it, skipping a whole
    /// `\( … )` interpolation with its nested parentheses and strings. Otherwise nil.
    private static func skipEscape(_ text: [Unicode.Scalar], at i: Int, hashes: Int) -> Int? {
        let escape = "\\" + String(repeating: "#", count: hashes)
        guard text.hasPrefix(escape, at: i) else { return nil }
        var j = i + escape.unicodeScalars.count
        guard j < text.count, text[j] == "(" else { return j + 1 }
        var depth = 0
        while j < text.count {
            switch text[j] {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return j + 1 }
            case "\"":
                j = endOfString(text, from: j + 1, hashes: 0)
                continue
            default: break
            }
            j += 1
        }
        return j
    }
}

extension [Unicode.Scalar] {
    /// Whether `prefix` occurs at index `i`.
    fileprivate func hasPrefix(_ prefix: String, at i: Int) -> Bool {
        var index = i
        for scalar in prefix.unicodeScalars {
            guard index < count, self[index] == scalar else { return false }
            index += 1
        }
        return true
    }
}
