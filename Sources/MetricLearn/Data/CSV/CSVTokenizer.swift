/// One field's place in the input bytes.
struct CSVField {
    /// The content's byte range: inside the quotes of a quoted field, without surrounding spaces
    /// for an unquoted one.
    var start: Int
    var end: Int
    /// Whether the content holds doubled quotes (`""`) that stand for one quote.
    var hasEscapedQuotes: Bool
    /// The 1-based line the field starts on.
    var line: Int
}

/// Splits CSV bytes into records of fields (RFC 4180 quoting; LF, CRLF or CR line ends; blank lines
/// skipped), without copying: fields are byte ranges into the input.
///
/// The tokenizer reads from a buffer it does not own; it is created and used inside one
/// `withUnsafeBufferPointer` call.
struct CSVTokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private var position: Int
    /// The 1-based line of the next unread byte.
    private(set) var line = 1

    /// Starts reading `bytes` at `start` (after a byte order mark, or at the start of a line `line`) with the given
    /// delimiter.
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, delimiter: UInt8, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.position = start
        self.line = line
    }

    /// The offset of the next unread byte.
    var offset: Int { position }

    /// Reads the next non-blank record's fields into `fields` (replacing its contents).
    /// Returns `false` at the end of the input.
    mutating func nextRecord(into fields: inout [CSVField]) throws(MetricLearnError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        guard skipBlankLines() else { return false }
        while true {
            fields.append(try readField(column: fields.count + 1))
            guard position < bytes.count else { return true }
            if bytes[position] == delimiter {
                position += 1
            } else {
                consumeLineBreak()
                return true
            }
        }
    }

    /// Reads the next record with `plain` when it is a plain row (`CSVPlainRowReader`): its numbers into `row`, its
    /// label cell into `label` (nil without a label column). Returns `false`, having read nothing, for any other.
    mutating func nextPlainRecord(_ plain: CSVPlainRowReader, into row: UnsafeMutablePointer<Double>,
                                  label: inout CSVField?) -> Bool {
        guard let base = bytes.baseAddress,
              let read = plain.read(base, from: position, count: bytes.count, into: row) else { return false }
        label = read.label.map { CSVField(start: $0.lowerBound, end: $0.upperBound, hasEscapedQuotes: false, line: line) }
        position = read.end
        if read.endsLine { line += 1 }
        return true
    }

    /// The field's text, with `""` turned back into `"`.
    func text(of field: CSVField) -> String {
        let content = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasEscapedQuotes else { return String(decoding: content, as: UTF8.self) }
        var unescaped = [UInt8]()
        unescaped.reserveCapacity(content.count)
        var index = content.startIndex
        while index < content.endIndex {
            unescaped.append(content[index])
            index += content[index] == CSVByte.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// Spaces, and tabs unless the tab is the delimiter.
    private func isPadding(_ byte: UInt8) -> Bool {
        byte == CSVByte.space || (byte == CSVByte.tab && delimiter != CSVByte.tab)
    }

    /// Moves past empty or all-space lines. Returns `false` if the input ends first.
    private mutating func skipBlankLines() -> Bool {
        while true {
            var probe = position
            while probe < bytes.count && isPadding(bytes[probe]) { probe += 1 }
            guard probe < bytes.count else {
                position = probe
                return false
            }
            guard bytes[probe] == CSVByte.lineFeed || bytes[probe] == CSVByte.carriageReturn else { return true }
            position = probe
            consumeLineBreak()
        }
    }

    /// Consumes one LF, CRLF or CR at `position`.
    private mutating func consumeLineBreak() {
        if bytes[position] == CSVByte.carriageReturn, position + 1 < bytes.count, bytes[position + 1] == CSVByte.lineFeed {
            position += 1
        }
        position += 1
        line += 1
    }

    /// Reads one field, leaving `position` at the delimiter, line break or end that follows it.
    private mutating func readField(column: Int) throws(MetricLearnError) -> CSVField {
        let fieldLine = line
        var cursor = position
        while cursor < bytes.count && isPadding(bytes[cursor]) { cursor += 1 }
        if cursor < bytes.count && bytes[cursor] == CSVByte.quote {
            return try readQuotedField(openingQuote: cursor, column: column)
        }
        let start = cursor
        if let base = bytes.baseAddress {
            cursor = CSVByte.fieldEnd(base, from: cursor, count: bytes.count, delimiter: delimiter)
        }
        position = cursor
        var end = cursor
        while end > start && isPadding(bytes[end - 1]) { end -= 1 }
        return CSVField(start: start, end: end, hasEscapedQuotes: false, line: fieldLine)
    }

    private mutating func readQuotedField(openingQuote: Int, column: Int) throws(MetricLearnError) -> CSVField {
        let fieldLine = line
        let start = openingQuote + 1
        var cursor = start
        var hasEscapedQuotes = false
        while true {
            guard cursor < bytes.count else {
                throw .csv(line: fieldLine, column: column,
                           reason: "unterminated quoted field: the quote that opens it is never closed")
            }
            let byte = bytes[cursor]
            if byte == CSVByte.quote {
                guard cursor + 1 < bytes.count, bytes[cursor + 1] == CSVByte.quote else { break }
                hasEscapedQuotes = true
                cursor += 2
                continue
            }
            if byte == CSVByte.lineFeed
                || (byte == CSVByte.carriageReturn && !(cursor + 1 < bytes.count && bytes[cursor + 1] == CSVByte.lineFeed)) {
                line += 1
            }
            cursor += 1
        }
        let end = cursor
        cursor += 1
        while cursor < bytes.count && isPadding(bytes[cursor]) { cursor += 1 }
        if cursor < bytes.count {
            let byte = bytes[cursor]
            if byte != delimiter && byte != CSVByte.lineFeed && byte != CSVByte.carriageReturn {
                var textEnd = cursor
                while textEnd < bytes.count, bytes[textEnd] != delimiter,
                      bytes[textEnd] != CSVByte.lineFeed, bytes[textEnd] != CSVByte.carriageReturn { textEnd += 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[openingQuote..<textEnd]), as: UTF8.self)
                throw .csv(line: line, column: column,
                           reason: "unexpected text after the closing quote in \(CSVCell.quoted(text))")
            }
        }
        position = cursor
        return CSVField(start: start, end: end, hasEscapedQuotes: hasEscapedQuotes, line: fieldLine)
    }
}

/// The CSVByte bytes the CSV code looks at.
enum CSVByte {
    static let quote = UInt8(ascii: "\"")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// `byte` in each of a word's eight bytes.
    static func word(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The offset of the first delimiter or line break in `base[start..<count]` (`count` if none), eight bytes at a
    /// time.
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, delimiter: UInt8) -> Int {
        var cursor = start
        let (delimiters, lineFeeds, returns) = (word(delimiter), word(lineFeed), word(carriageReturn))
        while count - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(word ^ delimiters) | zeroBytes(word ^ lineFeeds) | zeroBytes(word ^ returns)
            if found != 0 { return cursor + found.trailingZeroBitCount / 8 }
            cursor += 8
        }
        while cursor < count {
            let byte = base[cursor]
            if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
            cursor += 1
        }
        return cursor
    }

    /// The high bit of each zero byte of `word` set, every other bit clear (exact: no borrow between bytes).
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }
}
