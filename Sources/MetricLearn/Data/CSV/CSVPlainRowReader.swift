/// The fast way through a plain data row, what most rows of a large numeric file are: every feature cell a plain
/// number (`DecimalParser.parsePlain`) right up to the delimiter or line break after it, every other cell unquoted,
/// not empty, without padding at either end, and one cell per header column. Each byte is looked at once, and
/// such a row reads exactly as the tokenizer and `CSVCellParser` read it (same numbers, same label cell, same line
/// count). Any other row — blank lines, quotes, padding, exponents, empty cells, text, a ragged row — is left to
/// them, so every error is theirs.
struct CSVPlainRowReader {
    /// Per header column: the position of its number in a row of features, or `label`, or `other`.
    private let roles: [Int]
    private let delimiter: UInt8
    private static let label = -1
    private static let other = -2

    /// The reader for `layout` (which names a column once at most) in a header of `columnCount` columns.
    init(layout: CSVColumnLayout, columnCount: Int, delimiter: UInt8) {
        var roles = [Int](repeating: Self.other, count: columnCount)
        if let labelIndex = layout.labelIndex { roles[labelIndex] = Self.label }
        for (position, column) in layout.featureIndices.enumerated() { roles[column] = position }
        self.roles = roles
        self.delimiter = delimiter
    }

    /// Reads the plain row at `start` of `base[..<count]`, its numbers into `row` by position: where it ends (past
    /// its line break, which `endsLine` tells is there) and its label cell; nil when the row is not plain.
    @inline(__always)
    func read(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, into row: UnsafeMutablePointer<Double>)
        -> (end: Int, endsLine: Bool, label: Range<Int>?)? {
        var cursor = start
        var label: Range<Int>?
        let last = roles.count - 1
        for column in 0...last {
            let role = roles[column]
            if role >= 0 {
                guard let (value, end) = DecimalParser.parsePlain(base, from: cursor, limit: count) else { return nil }
                row[role] = value
                cursor = end
            } else {
                guard cursor < count, !Self.isPadding(base[cursor]), base[cursor] != CSVByte.quote else { return nil }
                let cellStart = cursor
                cursor = CSVByte.fieldEnd(base, from: cursor, count: count, delimiter: delimiter)
                guard cursor > cellStart, !Self.isPadding(base[cursor - 1]) else { return nil }
                if role == Self.label { label = cellStart..<cursor }
            }
            if column < last {
                guard cursor < count, base[cursor] == delimiter else { return nil }
                cursor += 1
            }
        }
        guard cursor < count else { return (cursor, false, label) }
        let byte = base[cursor]
        guard byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn else { return nil }
        if byte == CSVByte.carriageReturn && cursor + 1 < count && base[cursor + 1] == CSVByte.lineFeed { cursor += 1 }
        return (cursor + 1, true, label)
    }

    private static func isPadding(_ byte: UInt8) -> Bool { byte == CSVByte.space || byte == CSVByte.tab }
}
