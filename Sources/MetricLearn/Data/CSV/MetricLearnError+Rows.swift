/// Errors about a row of data read from a CSV file, given where a user finds the row: its line.
extension MetricLearnError {
    /// This error at its row's 1-based line of the CSV file at `path` — and at the column's 1-based position when
    /// it names a column — as `.csv(line:column:reason:)`, when it names a 0-based row of the data read from that
    /// file (`overflow`, `missingValue`); otherwise the error unchanged (also when the file cannot be read again
    /// or has fewer rows).
    ///
    /// Computations on the rows of a table (`MahalanobisMetric.transform`, a nearest-neighbour index, a
    /// preprocessor) know rows by their index; the line is what a user can go to. Blank lines and quoted line
    /// breaks count as the reader counts them.
    public func locatingRows(inCSVFile path: String) -> MetricLearnError {
        let (row, column, reason): (Int, String?, String)
        switch self {
        case let .overflow(overflowRow, overflowColumn, what):
            (row, column, reason) = (overflowRow, overflowColumn,
                                     "\(what) overflows Double (its values are too large for it)")
        case let .missingValue(missingRow, missingColumn):
            (row, column, reason) = (missingRow, missingColumn,
                                     "missing value; impute missing values to use such rows")
        default:
            return self
        }
        guard row >= 0, let bytes = try? FileContents.bytes(atPath: path),
              let place = Self.place(ofRow: row, column: column, in: bytes) else { return self }
        return .csv(line: place.line, column: place.column, reason: reason)
    }

    /// This error with the row it names (`overflow`, `missingValue`) taken as an index into `rows`: the error of a
    /// computation on a subset of a table's rows, about the table's row.
    func renumberingRows(_ rows: [Int]) -> MetricLearnError {
        switch self {
        case let .overflow(row, column, what) where rows.indices.contains(row):
            .overflow(row: rows[row], column: column, what: what)
        case let .missingValue(row, column) where rows.indices.contains(row):
            .missingValue(row: rows[row], column: column)
        default:
            self
        }
    }

    /// The line of data row `row` and the position of the column named `column` in CSV `bytes`.
    private static func place(ofRow row: Int, column: String?, in bytes: [UInt8]) -> (line: Int, column: Int?)? {
        bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int?)? in
            guard var document = try? CSVDocument(buffer, format: CSVFormat()) else { return nil }
            var fields: [CSVField] = []
            for _ in 0..<row { guard (try? document.tokenizer.nextRecord(into: &fields)) == true else { return nil } }
            guard (try? document.tokenizer.nextRecord(into: &fields)) == true, let first = fields.first else { return nil }
            return (first.line, column.flatMap { document.header.firstIndex(of: $0) }.map { $0 + 1 })
        }
    }
}
