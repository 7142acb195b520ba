/// What a CSV file holds once read: numeric feature columns and, when a label column was asked
/// for, each row's class index and the class names.
struct CSVContents {
    var features: Matrix
    var featureNames: [String]
    /// Empty when no label column was read.
    var labels: [Int]
    /// Empty when no label column was read.
    var classNames: [String]
}

/// Reads a CSV table from bytes: checks the bytes are text, finds the delimiter, reads the header,
/// then parses the chosen numeric columns and the label column row by row, without building a
/// `String` per cell.
enum CSVTableReader {
    /// Reads `bytes`; a `nil` `labelColumn` reads an unlabelled table.
    static func read(_ bytes: [UInt8], format: CSVFormat, labelColumn: LabelColumn?,
                     featureColumns: FeatureColumns) throws(MetricLearnError) -> CSVContents {
        try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) -> CSVContents in
            try read(buffer, format: format, labelColumn: labelColumn, featureColumns: featureColumns)
        }
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, format: CSVFormat, labelColumn: LabelColumn?,
                             featureColumns: FeatureColumns) throws(MetricLearnError) -> CSVContents {
        let start = hasByteOrderMark(buffer) ? 3 : 0
        if let problem = TextValidation.firstProblem(in: buffer, from: start) {
            throw .csv(line: lineNumber(atOffset: problem.offset, in: buffer), column: nil,
                       reason: "not a text CSV file: \(problem.reason)")
        }
        let delimiter = format.delimiter?.byte ?? detectDelimiter(buffer, from: start)
        var tokenizer = CSVTokenizer(bytes: buffer, start: start, delimiter: delimiter)
        var fields: [CSVField] = []
        guard try tokenizer.nextRecord(into: &fields) else {
            throw .csv(line: 1, column: nil, reason: "the file is empty: a header row naming the columns is required")
        }
        let headerLine = fields[0].line
        let header = try columnNames(fields, tokenizer: tokenizer)
        let layout = try ColumnLayout(header: header, headerLine: headerLine,
                                      labelColumn: labelColumn, featureColumns: featureColumns)
        let cells = CellParser(buffer: buffer, tokenizer: tokenizer, policy: format.nonFiniteValues,
                               delimiter: delimiter)

        var elements: [Double] = []
        var labels = LabelInterner()
        var rowCount = 0
        while try tokenizer.nextRecord(into: &fields) {
            guard fields.count == header.count else { throw raggedRowError(fields, expected: header.count) }
            for column in layout.featureIndices {
                elements.append(try cells.number(in: fields[column], column: column + 1))
            }
            if let labelIndex = layout.labelIndex {
                try labels.add(fields[labelIndex], column: labelIndex + 1, buffer: buffer, tokenizer: tokenizer)
            }
            rowCount += 1
        }
        guard rowCount > 0 else {
            throw .csv(line: headerLine, column: nil, reason: "the header is not followed by any data rows")
        }
        let (classLabels, classNames) = labels.classes()
        return CSVContents(
            features: Matrix(rowCount: rowCount, columnCount: layout.featureIndices.count, elements: elements),
            featureNames: layout.featureIndices.map { header[$0] }, labels: classLabels, classNames: classNames)
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
    private static func lineNumber(atOffset offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
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

/// Which header columns hold the label and the features.
private struct ColumnLayout {
    let labelIndex: Int?
    let featureIndices: [Int]

    init(header: [String], headerLine: Int, labelColumn: LabelColumn?,
         featureColumns: FeatureColumns) throws(MetricLearnError) {
        func missing(_ name: String) -> MetricLearnError {
            let shown = header.prefix(12).map(CSVCell.quoted).joined(separator: ", ")
            return .csv(line: headerLine, column: nil,
                        reason: "there is no column named \(CSVCell.quoted(name)); the columns are \(shown)"
                            + (header.count > 12 ? ", …" : ""))
        }
        let labelIndex: Int?
        switch labelColumn {
        case nil:
            labelIndex = nil
        case .automatic:
            labelIndex = header.firstIndex(of: "label") ?? header.count - 1
        case let .named(name):
            guard let index = header.firstIndex(of: name) else { throw missing(name) }
            labelIndex = index
        case let .index(index):
            guard header.indices.contains(index) else {
                throw .csv(line: headerLine, column: nil,
                           reason: "label column index \(index) is out of range: the header has \(header.count) "
                               + "column\(header.count == 1 ? "" : "s") (indices 0 to \(header.count - 1))")
            }
            labelIndex = index
        }

        switch featureColumns {
        case .all:
            let indices = header.indices.filter { $0 != labelIndex }
            guard !indices.isEmpty else {
                throw .csv(line: headerLine, column: nil,
                           reason: "no feature columns: the only column is the label column \(CSVCell.quoted(header[0]))")
            }
            self.featureIndices = indices
        case let .named(names):
            try Validation.require(!names.isEmpty, "featureColumns", "[]", "must name at least one column")
            var indices: [Int] = []
            for name in names {
                guard let index = header.firstIndex(of: name) else { throw missing(name) }
                guard index != labelIndex else {
                    throw .csv(line: headerLine, column: index + 1,
                               reason: "column \(CSVCell.quoted(name)) is the label column and cannot also be a feature")
                }
                try Validation.require(!indices.contains(index), "featureColumns", "'\(name)' twice",
                                       "must name each column at most once")
                indices.append(index)
            }
            self.featureIndices = indices
        }
        self.labelIndex = labelIndex
    }
}

/// Turns numeric cells into `Double`s, or into errors that quote the cell.
private struct CellParser {
    let buffer: UnsafeBufferPointer<UInt8>
    let tokenizer: CSVTokenizer
    let policy: CSVFormat.NonFiniteValues
    let delimiter: UInt8

    /// The number in `field` (1-based `column`), following the non-finite `policy`.
    func number(in field: CSVField, column: Int) throws(MetricLearnError) -> Double {
        var (start, end) = (field.start, field.end)
        while start < end && (buffer[start] == CSVByte.space || buffer[start] == CSVByte.tab) { start += 1 }
        while end > start && (buffer[end - 1] == CSVByte.space || buffer[end - 1] == CSVByte.tab) { end -= 1 }
        if let value = DecimalParser.parse(buffer, from: start, to: end) {
            guard value.isFinite || policy == .accept else {
                throw .csv(line: field.line, column: column,
                           reason: "\(quotedText(field)) is too large for a Double (it overflows to infinity)")
            }
            return value
        }
        return try nonNumber(field, column: column)
    }

    /// The value of a cell that is not a decimal number (NaN or ±∞ when accepted), or the error.
    private func nonNumber(_ field: CSVField, column: Int) throws(MetricLearnError) -> Double {
        let text = tokenizer.text(of: field).trimmingSpaces()
        if text.isEmpty {
            guard policy == .accept else {
                throw .csv(line: field.line, column: column, reason: "empty cell: a number is missing")
            }
            return .nan
        }
        if CSVCell.isMissingOrNonFiniteMarker(text) {
            guard policy == .accept else {
                throw .csv(line: field.line, column: column,
                           reason: "\(CSVCell.quoted(text)) is a missing or non-finite value; only finite numbers are accepted")
            }
            return CSVCell.nonFiniteValue(ofMarker: text)
        }
        var reason = "\(CSVCell.quoted(text)) is not a number"
        if delimiter != CSVDelimiter.comma.byte, text.contains(","),
           Double(String(text.map { $0 == "," ? "." : $0 })) != nil {
            reason += " (decimal commas are not supported: write 5.1, not 5,1)"
        }
        throw .csv(line: field.line, column: column, reason: reason)
    }

    private func quotedText(_ field: CSVField) -> String {
        CSVCell.quoted(tokenizer.text(of: field).trimmingSpaces())
    }
}

/// Gives each distinct label text an id in order of first appearance, then orders the classes.
private struct LabelInterner {
    private var distinct: [[UInt8]] = []
    private var idOfText: [[UInt8]: Int] = [:]
    private var ids: [Int] = []

    mutating func add(_ field: CSVField, column: Int, buffer: UnsafeBufferPointer<UInt8>,
                      tokenizer: CSVTokenizer) throws(MetricLearnError) {
        guard field.end > field.start else {
            throw .csv(line: field.line, column: column, reason: "empty label: every row needs a class label")
        }
        let content = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        if !field.hasEscapedQuotes, let last = ids.last, distinct[last].elementsEqual(content) {
            ids.append(last)    // rows of one class usually come together: no hashing, no allocation
            return
        }
        let text = field.hasEscapedQuotes ? Array(tokenizer.text(of: field).utf8) : Array(content)
        if let id = idOfText[text] {
            ids.append(id)
        } else {
            idOfText[text] = distinct.count
            ids.append(distinct.count)
            distinct.append(text)
        }
    }

    /// Each row's class index and the class names: numeric order when every label is an integer
    /// (equal integers such as `2` and `02` are one class, named `2`), otherwise lexicographic order
    /// of the Unicode scalars (UTF-8 byte order).
    func classes() -> (labels: [Int], names: [String]) {
        let texts = distinct.map { String(decoding: $0, as: UTF8.self) }
        let integers = texts.compactMap { Int($0) }
        let (classOfID, names) = integers.count == texts.count
            ? Self.rank(integers, by: <, name: { String($0) })
            : Self.rank(distinct, by: { $0.lexicographicallyPrecedes($1) }, name: { String(decoding: $0, as: UTF8.self) })
        return (ids.map { classOfID[$0] }, names)
    }

    /// The rank of each key among the distinct keys in increasing order, and the name of each rank.
    private static func rank<Key>(_ keys: [Key], by areInIncreasingOrder: (Key, Key) -> Bool,
                                  name: (Key) -> String) -> (ranks: [Int], names: [String]) {
        let order = keys.indices.sorted { areInIncreasingOrder(keys[$0], keys[$1]) }
        var ranks = [Int](repeating: 0, count: keys.count)
        var names: [String] = []
        for (position, id) in order.enumerated() {
            if position == 0 || areInIncreasingOrder(keys[order[position - 1]], keys[id]) {
                names.append(name(keys[id]))
            }
            ranks[id] = names.count - 1
        }
        return (ranks, names)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
