/// The field separator of a CSV file.
public enum CSVDelimiter: String, Sendable, Hashable, Codable, CaseIterable {
    /// `,`
    case comma
    /// `;` (common where the decimal separator is a comma)
    case semicolon
    /// A horizontal tab (TSV files).
    case tab

    /// The delimiter's byte.
    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }
}

/// How a CSV file is read.
///
/// The reader follows RFC 4180: fields may be quoted with `"`, a quote inside a quoted field is
/// written `""`, and quoted fields may hold delimiters and line breaks. Lines may end in LF, CRLF
/// or CR; a UTF-8 byte order mark is ignored; blank lines (empty or only spaces) are skipped;
/// spaces around an unquoted field are dropped. The first non-blank line is the header, which
/// names every column.
public struct CSVFormat: Sendable, Hashable, Codable {
    /// What to do with cells that hold no finite number.
    public enum NonFiniteValues: String, Sendable, Hashable, Codable, CaseIterable {
        /// Refuse them with an error naming the cell (the default): empty cells, missing-value
        /// markers (`NA`, `N/A`, `null`, `none`, `nan`), infinities (`inf`, `-Infinity`) and
        /// numbers too large for a `Double` (`1e999`).
        case reject
        /// Read empty cells and missing-value markers as NaN, infinities and overflowing numbers
        /// as ±∞. Learners still refuse such values, so clean them before fitting.
        case accept
    }

    /// The field separator; `nil` detects it from the header line: the most frequent of comma,
    /// semicolon and tab outside quotes (ties go to comma, then semicolon, then tab; a header
    /// without any of them is one comma-separated column).
    public var delimiter: CSVDelimiter?
    /// What to do with empty, missing or infinite numeric cells.
    public var nonFiniteValues: NonFiniteValues

    /// Creates a format; the defaults detect the delimiter and refuse non-finite values.
    public init(delimiter: CSVDelimiter? = nil, nonFiniteValues: NonFiniteValues = .reject) {
        self.delimiter = delimiter
        self.nonFiniteValues = nonFiniteValues
    }
}
