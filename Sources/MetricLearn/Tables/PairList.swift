import Foundation

/// A pairs file as read: header `first,second,similar`, where `first` and `second` name rows of a data file (by
/// 0-based row number or identifier, `RowIdentifiers`) and the optional `similar` is `1`/`-1`, `1`/`0` or
/// `true`/`false`. Other columns are ignored. See <doc:ConstraintFormats>.
///
/// ```swift
/// let rows = try RowIdentifiers(csvFile: "records.csv", column: "record_id")
/// let pairs = try PairList(csvFile: "pairs.csv", rows: rows)
/// let metric = try MMC().fit(x, supervision: .pairs(pairs.constraints()), progress: nil)
/// ```
public struct PairList: Sendable, Hashable {
    /// One line of the file.
    public struct Entry: Sendable, Hashable {
        /// The 1-based line of the file.
        public let line: Int
        /// The first row's name, as written.
        public let firstName: String
        /// The second row's name, as written.
        public let secondName: String
        /// The rows of the data file.
        public let pair: PairConstraints.Pair
        /// Whether the pair is similar, when the file has a `similar` column.
        public let isSimilar: Bool?
    }

    /// The column names the file must use.
    public static let columns = (first: "first", second: "second", similar: "similar")

    /// The pairs, in file order.
    public let entries: [Entry]
    /// Whether the file has a `similar` column.
    public let hasLabels: Bool
    /// The 1-based line of the header, and column of `similar`, for messages about the labels as a whole.
    private let headerLine: Int, labelColumnNumber: Int?

    /// Reads the pairs file at `path`, naming rows through `rows`.
    ///
    /// - Throws: `file` when it cannot be read; `csv` naming the line and column of a missing column, a name that
    ///   is no row of the data, a pair of a row with itself or a label that is none of the accepted spellings.
    public init(csvFile path: String, rows: RowIdentifiers, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(bytes: FileContents.bytes(atPath: path), rows: rows, format: format)
    }

    /// Reads pairs from CSV text.
    public init(csvText: String, rows: RowIdentifiers, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(bytes: Array(csvText.utf8), rows: rows, format: format)
    }

    private init(bytes: [UInt8], rows: RowIdentifiers, format: CSVFormat) throws(MetricLearnError) {
        let columns = Self.columns
        let file = try ConstraintFileReader(bytes, rowColumns: [columns.first, columns.second],
                                            labelColumn: columns.similar, rows: rows, format: format)
        entries = try file.records.map { record throws(MetricLearnError) in
            var isSimilar: Bool?
            if let text = record.label {
                guard let value = Self.similarity(text) else {
                    throw .csv(line: record.line, column: file.labelColumnNumber,
                               reason: "\(CSVCell.quoted(text)) is not a pair label: similar pairs are 1 or true, "
                                   + "dissimilar pairs -1, 0 or false")
                }
                isSimilar = value
            }
            return Entry(line: record.line, firstName: record.names[0], secondName: record.names[1],
                         pair: PairConstraints.Pair(record.rows[0], record.rows[1]), isSimilar: isSimilar)
        }
        hasLabels = file.labelColumnNumber != nil
        headerLine = file.headerLine
        labelColumnNumber = file.labelColumnNumber
    }

    /// `1`/`true` → similar, `-1`/`0`/`false` → dissimilar (case-insensitive, surrounding spaces ignored).
    static func similarity(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "true", "+1": true
        case "-1", "0", "false": false
        default: nil
        }
    }

    /// The pairs, in file order.
    public var pairs: [PairConstraints.Pair] { entries.map(\.pair) }

    /// Each pair's label, in file order; nil when the file has no `similar` column.
    public var similar: [Bool]? { hasLabels ? entries.map { $0.isSimilar ?? false } : nil }

    /// The labelled pairs as constraints (similar and dissimilar, each in file order), what pair learners and
    /// calibration need.
    ///
    /// - Throws: `csv` naming the header when the file has no `similar` column or only one kind of pair.
    public func constraints() throws(MetricLearnError) -> PairConstraints {
        guard let similar else {
            throw .csv(line: headerLine, column: nil,
                       reason: "there is no column named \(CSVCell.quoted(Self.columns.similar)): these pairs need "
                           + "labels (1 similar, -1 dissimilar)")
        }
        let similarCount = similar.count { $0 }
        guard similarCount > 0 && similarCount < similar.count else {
            let kind = similarCount > 0 ? "similar" : "dissimilar"
            throw .csv(line: headerLine, column: labelColumnNumber,
                       reason: (similar.count == 1 ? "the only pair is \(kind)" : "all \(similar.count) pairs are \(kind)")
                           + "; both similar and dissimilar pairs are needed")
        }
        return PairConstraints(similarPairs: entries.filter { $0.isSimilar == true }.map(\.pair),
                               dissimilarPairs: entries.filter { $0.isSimilar == false }.map(\.pair))
    }
}
