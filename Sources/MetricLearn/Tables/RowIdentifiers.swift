import Foundation

/// How a pairs or triplets file names the rows of a data file: by 0-based row number (the first data row is 0), or
/// by the values of an identifier column of the data file (`--id-column` on the command line).
public struct RowIdentifiers: Sendable, Hashable {
    /// The number of rows of the data file.
    public let rowCount: Int
    /// The identifier column, or nil when rows are named by number.
    public let column: String?
    /// The row of each identifier.
    private let rowOfIdentifier: [String: Int]

    /// Rows named by their 0-based numbers, `0..<rowCount`.
    public static func rowNumbers(count: Int) -> RowIdentifiers {
        RowIdentifiers(rowCount: count, column: nil, rowOfIdentifier: [:])
    }

    /// Rows named by `identifiers` (one per row, in row order), the values of `column`.
    ///
    /// - Throws: `invalidData` naming the column and the two rows (0-based) of a repeated identifier.
    public init(column: String, identifiers: [String]) throws(MetricLearnError) {
        var rowOfIdentifier: [String: Int] = [:]
        for (row, identifier) in identifiers.enumerated() {
            if let earlier = rowOfIdentifier[identifier] {
                throw .invalidData(what: "column '\(column)'", value: "'\(identifier)' in rows \(earlier) and \(row)",
                                   requirement: "identifiers must be distinct (rows are numbered from 0)")
            }
            rowOfIdentifier[identifier] = row
        }
        self.init(rowCount: identifiers.count, column: column, rowOfIdentifier: rowOfIdentifier)
    }

    /// Rows named by the values of `column` of the CSV file at `path`, as written.
    ///
    /// - Throws: `file` and `csv` errors of reading (a missing column or an empty identifier names its place), and
    ///   `invalidData` for a repeated identifier.
    public init(csvFile path: String, column: String, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        let table = try RawTable(csvFile: path, columns: .named([column]), categoricalColumns: .named([column]),
                                 format: format)
        guard case let .categories(cells) = table.columns[0].values else {
            throw .invalidData(what: "column '\(column)'", value: "numbers", requirement: "must be read as text")
        }
        try self.init(column: column, identifiers: cells.map { $0 ?? "" })
    }

    private init(rowCount: Int, column: String?, rowOfIdentifier: [String: Int]) {
        self.rowCount = rowCount
        self.column = column
        self.rowOfIdentifier = rowOfIdentifier
    }

    /// The row that `text` names, or nil.
    public func row(named text: String) -> Int? {
        guard column == nil else { return rowOfIdentifier[text] }
        guard let row = Int(text), (0..<rowCount).contains(row) else { return nil }
        return row
    }

    /// Why `text` names no row, for an error message.
    func unknownRowReason(_ text: String) -> String {
        if let column { return "no row of the data has \(CSVCell.quoted(text)) in column \(CSVCell.quoted(column))" }
        guard let number = Int(text) else {
            return "\(CSVCell.quoted(text)) is not a row number (rows are numbered from 0; give --id-column to name "
                + "rows by an identifier column)"
        }
        return number < 0 ? "row numbers start at 0, not \(number)"
            : "row \(number) is past the end of the data (\(rowCount) rows, numbered from 0)"
    }
}
