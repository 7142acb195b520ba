/// What a CSV reader collects from the label column, one cell per data row: class labels (`CSVLabelInterner`)
/// or regression targets (`CSVTargetReader`).
protocol CSVLabelReader {
    /// What the reader makes of the cells.
    associatedtype Labels
    /// A reader that has seen no cell.
    init()
    /// Reads the label cell `field` (in 1-based `column`) of the next row.
    mutating func add(_ field: CSVField, column: Int, cells: CSVCellParser) throws(MetricLearnError)
    /// The labels of the rows read.
    func labels() -> Labels
}

/// Gives each distinct label text an id in order of first appearance, then orders the classes.
struct CSVLabelInterner: CSVLabelReader {
    private var distinct: [[UInt8]] = []
    private var idOfText: [[UInt8]: Int] = [:]
    private var ids: [Int] = []

    mutating func add(_ field: CSVField, column: Int, cells: CSVCellParser) throws(MetricLearnError) {
        let (buffer, tokenizer) = (cells.buffer, cells.tokenizer)
        guard field.end > field.start else {
            throw .csv(line: field.line, column: column, reason: "empty label: every row needs a class label")
        }
        let content = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        if !field.hasEscapedQuotes, let last = ids.last, distinct[last].elementsEqual(content) {
            ids.append(last)    // rows of one class usually come together: no hashing, no allocation
            return
        }
        let text = field.hasEscapedQuotes ? Array(tokenizer.text(of: field).utf8) : Array(content)
        if let id = idOfText[text] {
            ids.append(id)
        } else {
            idOfText[text] = distinct.count
            ids.append(distinct.count)
            distinct.append(text)
        }
    }

    /// Each row's class index and the class names: numeric order when every label is an integer
    /// (equal integers such as `2` and `02` are one class, named `2`), otherwise lexicographic order
    /// of the Unicode scalars (UTF-8 byte order).
    func labels() -> ClassLabels {
        let texts = distinct.map { String(decoding: $0, as: UTF8.self) }
        let integers = texts.compactMap { Int($0) }
        let (classOfID, names) = integers.count == texts.count
            ? Self.rank(integers, by: <, name: { String($0) })
            : Self.rank(distinct, by: { $0.lexicographicallyPrecedes($1) }, name: { String(decoding: $0, as: UTF8.self) })
        return ClassLabels(unchecked: ids.map { classOfID[$0] }, classNames: names)
    }

    /// The rank of each key among the distinct keys in increasing order, and the name of each rank.
    private static func rank<Key>(_ keys: [Key], by areInIncreasingOrder: (Key, Key) -> Bool,
                                  name: (Key) -> String) -> (ranks: [Int], names: [String]) {
        let order = keys.indices.sorted { areInIncreasingOrder(keys[$0], keys[$1]) }
        var ranks = [Int](repeating: 0, count: keys.count)
        var names: [String] = []
        for (position, id) in order.enumerated() {
            if position == 0 || areInIncreasingOrder(keys[order[position - 1]], keys[id]) {
                names.append(name(keys[id]))
            }
            ranks[id] = names.count - 1
        }
        return (ranks, names)
    }
}

/// Reads the label column as numbers: the regression target of each row, finite (an empty cell, a missing or
/// non-finite marker or text is an error naming the cell's line and column).
struct CSVTargetReader: CSVLabelReader {
    private var targets: [Double] = []

    mutating func add(_ field: CSVField, column: Int, cells: CSVCellParser) throws(MetricLearnError) {
        do {
            targets.append(try cells.number(in: field, column: column, policy: .reject))
        } catch {
            guard case let .csv(line, column, reason) = error else { throw error }
            throw .csv(line: line, column: column, reason: reason + " (the label column holds regression targets)")
        }
    }

    func labels() -> [Double] { targets }
}
