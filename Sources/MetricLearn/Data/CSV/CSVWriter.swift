import Foundation

/// A named column of values to write with `CSVWriter`.
public struct CSVColumn: Sendable, Hashable {
    /// A column's values: all numbers or all text.
    public enum Values: Sendable, Hashable {
        /// Numbers, written in Swift's shortest round-trip form (`5.1`, `1e-05`, `nan`, `inf`).
        case numbers([Double])
        /// Text, quoted where needed.
        case text([String])
    }

    /// The header name.
    public var name: String
    /// The cells, top to bottom.
    public var values: Values

    /// A column of numbers.
    public init(name: String, numbers: [Double]) {
        self.name = name
        self.values = .numbers(numbers)
    }

    /// A column of text.
    public init(name: String, text: [String]) {
        self.name = name
        self.values = .text(text)
    }

    /// The number of cells.
    public var count: Int {
        switch values {
        case let .numbers(numbers): numbers.count
        case let .text(text): text.count
        }
    }

    /// One number column per column of `matrix`, named by `names`.
    ///
    /// - Precondition: one name per column.
    public static func columns(of matrix: Matrix, names: [String]) -> [CSVColumn] {
        precondition(names.count == matrix.columnCount, "One name per matrix column is needed")
        return names.indices.map { CSVColumn(name: names[$0], numbers: matrix.column($0)) }
    }
}

/// Writes columns as CSV text: a header row, then one row per cell index, lines ending in LF.
///
/// A field is quoted (RFC 4180, with `"` doubled) when it holds any of the delimiters the reader
/// detects (comma, semicolon, tab), a quote or a line break, starts or ends with a space or tab,
/// starts with U+FEFF (which opening a file reads as a byte order mark), or is empty text; so `Dataset(csvText:)` and `FeatureTable(csvText:)`, which detect the delimiter
/// from the header, read back exactly what was written, numbers bit for bit.
public struct CSVWriter: Sendable, Hashable {
    /// The field separator (default comma).
    public var delimiter: CSVDelimiter

    /// Creates a writer.
    public init(delimiter: CSVDelimiter = .comma) {
        self.delimiter = delimiter
    }

    /// The CSV text of `columns` (empty text for no columns).
    ///
    /// - Precondition: every column has the same number of cells.
    public func text(_ columns: [CSVColumn]) -> String {
        guard let rowCount = columns.first?.count else { return "" }
        precondition(columns.allSatisfy { $0.count == rowCount }, "Every CSV column needs the same number of cells")
        let separator = Character(Unicode.Scalar(delimiter.byte))
        var text = ""
        text.reserveCapacity((rowCount + 1) * columns.count * 12)
        for (index, column) in columns.enumerated() {
            if index > 0 { text.append(separator) }
            appendField(column.name, to: &text)
        }
        text.append("\n")
        for row in 0..<rowCount {
            for (index, column) in columns.enumerated() {
                if index > 0 { text.append(separator) }
                switch column.values {
                case let .numbers(numbers): text.append(numbers[row].description)
                case let .text(cells): appendField(cells[row], to: &text)
                }
            }
            text.append("\n")
        }
        return text
    }

    /// The UTF-8 bytes of `text(columns)`.
    public func data(_ columns: [CSVColumn]) -> Data {
        Data(text(columns).utf8)
    }

    /// Bytes that make a field quoted wherever they are: every delimiter (another delimiter in a header
    /// name would mislead the reader's delimiter detection), the quote and line breaks.
    private static let quotedBytes = Set(CSVDelimiter.allCases.map(\.byte)
                                         + [CSVByte.quote, CSVByte.lineFeed, CSVByte.carriageReturn])

    private func appendField(_ field: String, to text: inout String) {
        let utf8 = field.utf8
        let needsQuotes = utf8.isEmpty
            || utf8.contains { Self.quotedBytes.contains($0) }
            || [CSVByte.space, CSVByte.tab].contains(utf8.first) || [CSVByte.space, CSVByte.tab].contains(utf8.last)
            || field.unicodeScalars.first == "\u{FEFF}"    // a reader would take it for a byte order mark
        guard needsQuotes else {
            text.append(field)
            return
        }
        // Quotes are doubled scalar by scalar: a quote followed by a combining mark is one Character,
        // which a Character-level replacement would miss.
        text.unicodeScalars.append("\"")
        for scalar in field.unicodeScalars {
            if scalar == "\"" { text.unicodeScalars.append(scalar) }
            text.unicodeScalars.append(scalar)
        }
        text.unicodeScalars.append("\"")
    }
}
