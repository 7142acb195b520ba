import Foundation

/// Writes columns as CSV text: a header row, then one row per cell index, lines ending in LF.
///
/// A field is quoted (RFC 4180, with `"` doubled) when it holds the delimiter, a quote or a line
/// break, starts or ends with a space or tab, or is empty text; so `Dataset(csvText:)` and
/// `FeatureTable(csvText:)` read back exactly what was written, numbers bit for bit.
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

    private func appendField(_ field: String, to text: inout String) {
        let utf8 = field.utf8
        let needsQuotes = utf8.isEmpty
            || utf8.contains { $0 == delimiter.byte || $0 == CSVByte.quote || $0 == CSVByte.lineFeed || $0 == CSVByte.carriageReturn }
            || [CSVByte.space, CSVByte.tab].contains(utf8.first) || [CSVByte.space, CSVByte.tab].contains(utf8.last)
        guard needsQuotes else {
            text.append(field)
            return
        }
        text.append("\"")
        text.append(field.replacingOccurrences(of: "\"", with: "\"\""))
        text.append("\"")
    }
}
