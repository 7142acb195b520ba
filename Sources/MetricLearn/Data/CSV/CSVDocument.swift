/// The start of reading CSV bytes, shared by every table reader: the bytes are checked to be text,
/// the delimiter is chosen, and the header is read. The tokenizer is left at the first data row.
///
/// Lives inside one `withUnsafeBufferPointer` call, like the tokenizer it holds.
struct CSVDocument {
    /// Positioned after the header; copy it to read the data rows more than once.
    var tokenizer: CSVTokenizer
    /// The header's column names: none empty, none repeated.
    let header: [String]
    /// The 1-based line of the header.
    let headerLine: Int
    /// The field separator in use.
    let delimiter: UInt8

    /// How many line feeds and carriage returns the input holds: more than it has records.
    let lineBreakCount: Int
    /// Whether the input holds a quote character anywhere (without one, every line break ends a record).
    let hasQuotes: Bool
    /// An offset near the middle of the input where the text check started a part or a chunk (at a character's
    /// start), and the line breaks before it (`CSVHalves` cuts there without counting the first half again).
    let midpoint: (offset: Int, lineBreaks: Int)

    /// Checks `buffer` is UTF-8 text without NUL bytes (after an optional byte order mark), picks the
    /// delimiter (`format.delimiter` or detection) and reads the header. The check hands back the bytes it has
    /// passed with `handBack`, chunk by chunk (from two threads at once on a large input: `TextValidation.check`).
    init(_ buffer: UnsafeBufferPointer<UInt8>, format: CSVFormat,
         handingBack handBack: (Range<Int>) -> Void = { _ in }) throws(MetricLearnError) {
        let start = Self.hasByteOrderMark(buffer) ? 3 : 0
        let check = TextValidation.check(buffer, from: start, handingBack: handBack)
        if let problem = check.problem {
            throw .csv(line: Self.lineNumber(atOffset: problem.offset, in: buffer), column: nil,
                       reason: "not a text CSV file: \(problem.reason)")
        }
        lineBreakCount = check.lineBreaks
        hasQuotes = check.quotes > 0
        midpoint = check.midpoint
        delimiter = format.delimiter?.byte ?? Self.detectDelimiter(buffer, from: start)
        tokenizer = CSVTokenizer(bytes: buffer, start: start, delimiter: delimiter)
        var fields: [CSVField] = []
        guard try tokenizer.nextRecord(into: &fields) else {
            throw .csv(line: 1, column: nil, reason: "the file is empty: a header row naming the columns is required")
        }
        headerLine = fields[0].line
        header = try Self.columnNames(fields, tokenizer: tokenizer)
    }

    /// Reads the next data row into `fields`, checking it has one field per header column.
    /// Returns `false` at the end of the input.
    mutating func nextRow(into fields: inout [CSVField]) throws(MetricLearnError) -> Bool {
        guard try tokenizer.nextRecord(into: &fields) else { return false }
        guard fields.count == header.count else { throw Self.raggedRowError(fields, expected: header.count) }
        return true
    }

    /// The error for a file whose header is followed by no data rows.
    var noDataRowsError: MetricLearnError {
        .csv(line: headerLine, column: nil, reason: "the header is not followed by any data rows")
    }

    /// The header's names: none empty, none repeated.
    private static func columnNames(_ fields: [CSVField], tokenizer: CSVTokenizer) throws(MetricLearnError) -> [String] {
        var names: [String] = []
        var columnOfName: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            let name = tokenizer.text(of: field)
            guard !name.isEmpty else {
                throw .csv(line: field.line, column: index + 1, reason: "empty column name: the header must name every column")
            }
            if let earlier = columnOfName[name] {
                throw .csv(line: field.line, column: index + 1,
                           reason: "duplicate column name \(CSVCell.quoted(name)) (also column \(earlier))")
            }
            columnOfName[name] = index + 1
            names.append(name)
        }
        return names
    }

    private static func raggedRowError(_ fields: [CSVField], expected: Int) -> MetricLearnError {
        let found = fields.count
        let place = found > expected ? fields[expected] : fields[found - 1]
        return .csv(line: place.line, column: min(found, expected) + 1,
                    reason: "expected \(expected) field\(expected == 1 ? "" : "s") (as in the header), found \(found)")
    }

    private static func hasByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    }

    /// The 1-based line holding byte `offset` (LF, CRLF and CR each end a line).
    static func lineNumber(atOffset offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for index in 0..<offset {
            let byte = buffer[index]
            if byte == CSVByte.lineFeed
                || (byte == CSVByte.carriageReturn && (index + 1 >= offset || buffer[index + 1] != CSVByte.lineFeed)) {
                line += 1
            }
        }
        return line
    }

    /// The most frequent of comma, semicolon and tab outside quotes on the first non-blank line
    /// (ties: comma, then semicolon, then tab; none of them: comma).
    private static func detectDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let candidates = CSVDelimiter.allCases.map(\.byte)
        var counts = [Int](repeating: 0, count: candidates.count)
        var isInQuotes = false
        var lineHasContent = false
        for index in start..<buffer.count {
            let byte = buffer[index]
            if byte == CSVByte.quote {
                isInQuotes.toggle()
                lineHasContent = true
            } else if isInQuotes {
                continue
            } else if byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn {
                if lineHasContent { break }
                counts = counts.map { _ in 0 }
            } else if let candidate = candidates.firstIndex(of: byte) {
                counts[candidate] += 1
                if byte != CSVByte.tab { lineHasContent = true }
            } else if byte != CSVByte.space {
                lineHasContent = true
            }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
              counts[best] > 0 else { return CSVDelimiter.comma.byte }
        return candidates[best]
    }
}
