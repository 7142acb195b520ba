/// Parses the Python dict literal of a `.npy` header: string keys, values that are strings, `True`/`False` or
/// tuples of non-negative integers, a trailing comma allowed, then only spaces and the final newline.
struct NPYHeaderParser {
    /// A value of the dict.
    enum Value: Equatable {
        /// A quoted string.
        case string(String)
        /// `True` or `False`.
        case boolean(Bool)
        /// A tuple of non-negative integers (the shape).
        case integers([Int])
    }

    private let bytes: [UInt8]
    private let path: String
    private var position = 0

    /// A parser of the header text `bytes` of the file at `path`.
    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The whole header as a dict.
    ///
    /// - Throws: `npyFile` naming the byte offset where the header stops being such a dict.
    mutating func dictionary() throws(MetricLearnError) -> [String: Value] {
        var fields: [String: Value] = [:]
        try expect(UInt8(ascii: "{"))
        while true {
            skipSpaces()
            if peek == UInt8(ascii: "}") { break }
            let key = try string()
            try expect(UInt8(ascii: ":"))
            guard fields.updateValue(try value(), forKey: key) == nil else { throw failure("'\(key)' appears twice") }
            skipSpaces()
            if peek == UInt8(ascii: ",") { position += 1 } else if peek != UInt8(ascii: "}") {
                throw failure("expected ',' or '}'")
            }
        }
        position += 1
        guard bytes[position...].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }) else {
            throw failure("text after the dict")
        }
        return fields
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func failure(_ reason: String) -> MetricLearnError {
        .npyFile(path: path, reason: "the header is not a dict of 'descr', 'fortran_order' and 'shape': \(reason) "
                     + "(at byte \(position) of the header)")
    }

    private mutating func skipSpaces() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws(MetricLearnError) {
        skipSpaces()
        guard peek == byte else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    private mutating func value() throws(MetricLearnError) -> Value {
        skipSpaces()
        switch peek {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "("): return .integers(try integers())
        case UInt8(ascii: "["):
            throw .npyFile(path: path, reason: "structured dtypes (a 'descr' listing fields) are not supported; save "
                               + "a plain numeric array")
        default:
            for (word, value) in [("True", true), ("False", false)] where bytes[position...].starts(with: word.utf8) {
                position += word.utf8.count
                return .boolean(value)
            }
            throw failure("expected a string, True, False or a tuple")
        }
    }

    /// A quoted string without escapes (NumPy writes none in these fields).
    private mutating func string() throws(MetricLearnError) -> String {
        skipSpaces()
        guard let quote = peek, quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
            throw failure("expected a quoted key")
        }
        let start = position + 1
        guard let end = bytes[start...].firstIndex(of: quote) else { throw failure("unterminated string") }
        guard !bytes[start..<end].contains(UInt8(ascii: "\\")) else { throw failure("escapes in a string") }
        position = end + 1
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `(3, 4)`, `(5,)` or `()`.
    private mutating func integers() throws(MetricLearnError) -> [Int] {
        try expect(UInt8(ascii: "("))
        var values: [Int] = []
        while true {
            skipSpaces()
            if peek == UInt8(ascii: ")") { break }
            let start = position
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
            if let byte = peek, byte == UInt8(ascii: "L") { position += 1 }   // Python 2's long integers
            let digits = String(decoding: bytes[start..<position].filter { $0 != UInt8(ascii: "L") }, as: UTF8.self)
            guard !digits.isEmpty else { throw failure("expected a non-negative integer in the shape") }
            guard let value = Int(digits) else { throw failure("the dimension \(digits) is too large") }
            values.append(value)
            skipSpaces()
            if peek == UInt8(ascii: ",") { position += 1 } else if peek != UInt8(ascii: ")") {
                throw failure("expected ',' or ')' in the shape")
            }
        }
        position += 1
        return values
    }
}
