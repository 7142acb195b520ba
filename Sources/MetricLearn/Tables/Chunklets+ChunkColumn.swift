import Foundation

/// Chunklets read from a chunk column of a data file, the way `metric-learn fit rca --chunk-column` takes them.
///
/// ```swift
/// let reading = TableReading(featureColumns: .allExcept(["chunk"]))
/// let table = try UnlabelledTable(csvFile: "records.csv", reading: reading)
/// let chunklets = try Chunklets(csvFile: "records.csv", column: "chunk")
/// let fit = try table.fit(.rca(RCA()), supervision: .chunklets(chunklets))
/// ```
extension Chunklets {
    /// Chunklets from the column named `column` of the CSV file at `path`: the rows that share a chunk number (an
    /// integer ≥ 0) form a chunklet; a negative number or an empty cell puts its row in no chunklet (as −1 does in
    /// metric-learn's `RCA` chunk array). Rows are numbered as the file's data rows, as the tables read them.
    ///
    /// - Throws: `file` when it cannot be read; `csv` naming the line of a missing column, of a cell that is not an
    ///   integer, of a row that is alone in its chunklet, and the header line when no row is in a chunklet.
    public init(csvFile path: String, column: String, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(bytes: FileContents.bytes(atPath: path), column: column, format: format)
    }

    /// Chunklets from the chunk column `column` of CSV text, with the rules of `init(csvFile:column:format:)`.
    public init(csvText: String, column: String, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(bytes: Array(csvText.utf8), column: column, format: format)
    }

    private init(bytes: [UInt8], column: String, format: CSVFormat) throws(MetricLearnError) {
        var assignments: [Int?] = []
        var lines: [Int] = []
        var headerLine = 1, columnNumber = 1
        try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) in
            var document = try CSVDocument(buffer, format: format)
            headerLine = document.headerLine
            let index = try CSVColumnLayout.index(of: column, in: document.header, headerLine: headerLine)
            columnNumber = index + 1
            var fields: [CSVField] = []
            while try document.nextRow(into: &fields) {
                let text = document.tokenizer.text(of: fields[index])
                guard let chunk = Self.chunkNumber(text) else {
                    throw .csv(line: fields[index].line, column: columnNumber,
                               reason: "\(CSVCell.quoted(text)) is not a chunk number: rows that share an integer "
                                   + "≥ 0 form a chunklet, a negative number or an empty cell is in none")
                }
                assignments.append(chunk)
                lines.append(fields[index].line)
            }
            guard !assignments.isEmpty else { throw document.noDataRowsError }
        }
        self.init(assignments: assignments)
        guard !groups.isEmpty else {
            throw .csv(line: headerLine, column: columnNumber,
                       reason: "no row is in a chunklet: column \(CSVCell.quoted(column)) has no chunk number ≥ 0")
        }
        if let alone = groups.filter({ $0.count == 1 }).map({ $0[0] }).min(), let chunk = assignments[alone] {
            throw .csv(line: lines[alone], column: columnNumber,
                       reason: "chunk \(chunk) has this row only: a chunklet needs two or more rows (give the row "
                           + "-1 or an empty cell to leave it out)")
        }
    }

    /// The chunk number of a cell: nil for text that is not an integer, `.some(nil)` for an empty cell or a
    /// negative integer (no chunklet).
    private static func chunkNumber(_ text: String) -> Int?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .some(nil) }
        guard let number = Int(trimmed) else { return nil }
        return .some(number < 0 ? nil : number)
    }
}
