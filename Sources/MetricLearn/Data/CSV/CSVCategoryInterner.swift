/// Reads one categorical column, parsing each distinct cell content once: a repeated cell costs a
/// byte comparison (a linear scan while the column has few distinct contents, a hash lookup after
/// that) instead of building, trimming and checking a `String`.
struct CSVCategoryInterner {
    /// The raw bytes of each distinct cell content, in order of first appearance.
    private var contents: [[UInt8]] = []
    /// What each distinct content reads as (`nil`: missing).
    private var values: [String?] = []
    /// Filled once `contents` outgrows the linear scan.
    private var idOfContent: [[UInt8]: Int] = [:]
    private var ids: [Int] = []

    /// Up to this many distinct contents are found by a linear scan.
    private static let linearScanLimit = 16

    /// Reads `field` (1-based `column`) as `CSVCellParser.category` does.
    mutating func add(_ field: CSVField, column: Int, buffer: UnsafeBufferPointer<UInt8>, cells: CSVCellParser,
                      missingValues: MissingValues) throws(MetricLearnError) {
        let content = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        if let id = existingID(of: content) {
            ids.append(id)
            return
        }
        let value = try cells.category(in: field, column: column, missingValues: missingValues)
        let bytes = Array(content)
        ids.append(contents.count)
        contents.append(bytes)
        values.append(value)
        if contents.count > Self.linearScanLimit {
            if idOfContent.isEmpty {
                for (id, earlier) in contents.enumerated() { idOfContent[earlier] = id }
            } else {
                idOfContent[bytes] = contents.count - 1
            }
        }
    }

    /// Each row's category, top to bottom.
    var cells: [String?] { ids.map { values[$0] } }

    private func existingID(of content: UnsafeBufferPointer<UInt8>) -> Int? {
        if let last = ids.last, contents[last].elementsEqual(content) { return last }
        guard contents.count > Self.linearScanLimit else {
            return contents.firstIndex { $0.elementsEqual(content) }
        }
        return idOfContent[Array(content)]
    }
}
