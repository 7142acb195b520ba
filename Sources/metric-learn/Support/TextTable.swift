/// A plain-text table: a header, a rule, and rows, columns padded to their widest cell.
struct TextTable {
    /// How a column's cells line up.
    enum Alignment { case left, right }

    let headers: [String]
    let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    /// Appends a row (one cell per column).
    mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "One cell per column is needed")
        rows.append(row)
    }

    /// The table, one line per row, each ending in a newline.
    var text: String {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }.joined(separator: "  ").replacing(/\s+$/, with: "") + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        return line(headers) + rule + rows.map(line).joined()
    }
}
