/// Reads a pairs or triplets file: a CSV with a header row whose `rowColumns` name rows of a data file (by 0-based
/// row number or by identifier, as `RowIdentifiers` resolves them) and an optional `labelColumn`. Every error is
/// `.csv(line:column:reason:)` naming the place: a missing column, a row that is not there, a record that names
/// one row twice, a bad label.
struct ConstraintFileReader {
    /// One record of the file.
    struct Record {
        /// Its 1-based line.
        let line: Int
        /// The text of each row column, as written.
        let names: [String]
        /// The rows they name.
        let rows: [Int]
        /// The label column's text, when the file has that column.
        let label: String?
    }

    /// The records, in file order.
    let records: [Record]
    /// The 1-based line of the header.
    let headerLine: Int
    /// The 1-based column of the label column, when the file has it.
    let labelColumnNumber: Int?

    /// Reads `bytes` as `format` says, resolving the row columns through `rows`.
    init(_ bytes: [UInt8], rowColumns: [String], labelColumn: String?, rows: RowIdentifiers,
         format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        var records: [Record] = []
        var headerLine = 1
        var labelColumnNumber: Int?
        try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) in
            var document = try CSVDocument(buffer, format: format)
            headerLine = document.headerLine
            var indices: [Int] = []
            for name in rowColumns {
                indices.append(try CSVColumnLayout.index(of: name, in: document.header, headerLine: document.headerLine))
            }
            let labelIndex = labelColumn.flatMap { document.header.firstIndex(of: $0) }
            labelColumnNumber = labelIndex.map { $0 + 1 }
            var fields: [CSVField] = []
            while try document.nextRow(into: &fields) {
                let line = fields[0].line
                var names: [String] = [], resolved: [Int] = []
                for index in indices {
                    let text = document.tokenizer.text(of: fields[index])
                    guard let row = rows.row(named: text) else {
                        throw .csv(line: fields[index].line, column: index + 1, reason: rows.unknownRowReason(text))
                    }
                    if let earlier = resolved.firstIndex(of: row) {
                        throw .csv(line: line, column: index + 1,
                                   reason: "\(CSVCell.quoted(text)) names the same row as column "
                                       + "\(CSVCell.quoted(rowColumns[earlier])): the rows of a record must differ")
                    }
                    names.append(text)
                    resolved.append(row)
                }
                records.append(Record(line: line, names: names, rows: resolved,
                                      label: labelIndex.map { document.tokenizer.text(of: fields[$0]) }))
            }
            guard !records.isEmpty else { throw document.noDataRowsError }
        }
        self.records = records
        self.headerLine = headerLine
        self.labelColumnNumber = labelColumnNumber
    }
}
