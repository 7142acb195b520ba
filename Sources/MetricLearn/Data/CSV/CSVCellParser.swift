/// Turns feature cells into numbers or categories, or into errors that quote the cell.
struct CSVCellParser {
    let buffer: UnsafeBufferPointer<UInt8>
    let tokenizer: CSVTokenizer
    let delimiter: UInt8
    /// The header's column names (for errors that name the column).
    let header: [String]

    /// What a cell holds when it is not a decimal number.
    private enum NonNumber {
        /// Nothing, or only spaces.
        case empty
        /// A missing or non-finite value marker (`NA`, `nan`, `inf`, …), trimmed.
        case marker(String)
        /// Anything else, trimmed.
        case text(String)
    }

    /// The number in `field` (1-based `column`) for a numeric `Dataset` or `FeatureTable`: empty
    /// cells, markers and overflowing numbers follow `policy`.
    func number(in field: CSVField, column: Int, policy: CSVFormat.NonFiniteValues) throws(MetricLearnError) -> Double {
        if let value = try decimal(in: field, column: column, allowsOverflow: policy == .accept) { return value }
        switch nonNumber(field) {
        case .empty:
            guard policy == .accept else { throw emptyNumberError(field, column: column) }
            return .nan
        case let .marker(text):
            guard policy == .accept else { throw markerError(text, field, column: column) }
            return CSVCell.nonFiniteValue(ofMarker: text)
        case let .text(text):
            throw notANumberError(text, field, column: column)
        }
    }

    /// The number in a numeric column of a raw table: `nil` for an empty cell or a missing-value
    /// marker when `missingValues` accepts them; infinities and overflowing numbers are errors.
    func optionalNumber(in field: CSVField, column: Int,
                        missingValues: MissingValues) throws(MetricLearnError) -> Double? {
        if let value = try decimal(in: field, column: column, allowsOverflow: false) { return value }
        switch nonNumber(field) {
        case .empty:
            guard missingValues == .accept else { throw emptyNumberError(field, column: column) }
            return nil
        case let .marker(text):
            guard missingValues == .accept else { throw markerError(text, field, column: column) }
            guard CSVCell.nonFiniteValue(ofMarker: text).isNaN else {
                throw .csv(line: field.line, column: column,
                           reason: "\(CSVCell.quoted(text)) is infinite; only finite numbers or missing cells are accepted")
            }
            return nil
        case let .text(text):
            throw notANumberError(text, field, column: column)
        }
    }

    /// The category in a categorical column of a raw table (the cell's text as written): `nil` for
    /// an empty cell or a missing-value marker (`NA`, `nan`, `null`, `none`, …) when `missingValues`
    /// accepts them. Infinity words are ordinary categories here.
    func category(in field: CSVField, column: Int, missingValues: MissingValues) throws(MetricLearnError) -> String? {
        let text = tokenizer.text(of: field)
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty {
            guard missingValues == .accept else {
                throw .csv(line: field.line, column: column, reason: "empty cell: a category is missing")
            }
            return nil
        }
        if CSVCell.isMissingOrNonFiniteMarker(trimmed) && CSVCell.nonFiniteValue(ofMarker: trimmed).isNaN {
            guard missingValues == .accept else {
                throw .csv(line: field.line, column: column,
                           reason: "\(CSVCell.quoted(trimmed)) marks a missing category; missing values are refused "
                               + "unless they are to be imputed")
            }
            return nil
        }
        return text
    }

    /// Whether `field` holds text that makes its column categorical: not empty, not a missing or
    /// non-finite marker, not a decimal number.
    func isText(_ field: CSVField) -> Bool {
        let (start, end) = trimmedRange(field)
        if DecimalParser.parse(buffer, from: start, to: end) != nil { return false }
        if case .text = nonNumber(field) { return true }
        return false
    }

    /// The decimal number in `field`, `nil` if it holds none; an overflow to ±∞ is an error unless allowed.
    private func decimal(in field: CSVField, column: Int, allowsOverflow: Bool) throws(MetricLearnError) -> Double? {
        let (start, end) = trimmedRange(field)
        guard let value = DecimalParser.parse(buffer, from: start, to: end) else { return nil }
        guard value.isFinite || allowsOverflow else {
            throw .csv(line: field.line, column: column,
                       reason: "\(CSVCell.quoted(tokenizer.text(of: field).trimmingSpaces())) is too large for a Double "
                           + "(it overflows to infinity)")
        }
        return value
    }

    private func nonNumber(_ field: CSVField) -> NonNumber {
        let text = tokenizer.text(of: field).trimmingSpaces()
        if text.isEmpty { return .empty }
        return CSVCell.isMissingOrNonFiniteMarker(text) ? .marker(text) : .text(text)
    }

    private func trimmedRange(_ field: CSVField) -> (start: Int, end: Int) {
        var (start, end) = (field.start, field.end)
        while start < end && (buffer[start] == CSVByte.space || buffer[start] == CSVByte.tab) { start += 1 }
        while end > start && (buffer[end - 1] == CSVByte.space || buffer[end - 1] == CSVByte.tab) { end -= 1 }
        return (start, end)
    }

    private func emptyNumberError(_ field: CSVField, column: Int) -> MetricLearnError {
        .csv(line: field.line, column: column, reason: "empty cell: a number is missing")
    }

    private func markerError(_ text: String, _ field: CSVField, column: Int) -> MetricLearnError {
        .csv(line: field.line, column: column,
             reason: "\(CSVCell.quoted(text)) is a missing or non-finite value; only finite numbers are accepted")
    }

    private func notANumberError(_ text: String, _ field: CSVField, column: Int) -> MetricLearnError {
        if delimiter != CSVDelimiter.comma.byte, text.contains(","),
           Double(String(text.map { $0 == "," ? "." : $0 })) != nil {
            return .csv(line: field.line, column: column,
                        reason: "\(CSVCell.quoted(text)) is not a number (decimal commas are not supported: write 5.1, "
                            + "not 5,1)")
        }
        return .notANumber(line: field.line, column: column, columnName: header[column - 1], text: text)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
