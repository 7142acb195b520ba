/// A triplets file as read: header `anchor,positive,negative`, each naming a row of a data file (by 0-based row
/// number or identifier, `RowIdentifiers`): the anchor should be closer to the positive than to the negative.
/// Other columns are ignored. See <doc:ConstraintFormats>.
public struct TripletList: Sendable, Hashable {
    /// One line of the file.
    public struct Entry: Sendable, Hashable {
        /// The 1-based line of the file.
        public let line: Int
        /// The anchor, positive and negative rows' names, as written.
        public let names: [String]
        /// The rows of the data file.
        public let triplet: TripletConstraints.Triplet
    }

    /// The column names the file must use.
    public static let columns = ["anchor", "positive", "negative"]

    /// The triplets, in file order.
    public let entries: [Entry]

    /// Reads the triplets file at `path`, naming rows through `rows`.
    ///
    /// - Throws: `file` when it cannot be read; `csv` naming the line and column of a missing column, a name that
    ///   is no row of the data, or a triplet that names one row twice.
    public init(csvFile path: String, rows: RowIdentifiers, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(bytes: FileContents.bytes(atPath: path), rows: rows, format: format)
    }

    /// Reads triplets from CSV text.
    public init(csvText: String, rows: RowIdentifiers, format: CSVFormat = CSVFormat()) throws(MetricLearnError) {
        try self.init(bytes: Array(csvText.utf8), rows: rows, format: format)
    }

    private init(bytes: [UInt8], rows: RowIdentifiers, format: CSVFormat) throws(MetricLearnError) {
        let file = try ConstraintFileReader(bytes, rowColumns: Self.columns, labelColumn: nil, rows: rows, format: format)
        entries = file.records.map { record in
            Entry(line: record.line, names: record.names,
                  triplet: TripletConstraints.Triplet(record.rows[0], record.rows[1], record.rows[2]))
        }
    }

    /// The triplets as constraints, in file order.
    public var constraints: TripletConstraints { TripletConstraints(triplets: entries.map(\.triplet)) }
}
