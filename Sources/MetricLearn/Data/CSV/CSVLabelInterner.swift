/// What a CSV reader collects from the label column, one cell per data row: class labels (`CSVLabelInterner`)
/// or regression targets (`CSVTargetReader`).
protocol CSVLabelReader: SendableMetatype {
    /// What the reader makes of the cells.
    associatedtype Labels
    /// A reader that has seen no cell.
    init()
    /// Reads the label cell `field` (in 1-based `column`) of the next row.
    mutating func add(_ field: CSVField, column: Int, cells: CSVCellParser) throws(MetricLearnError)
    /// The labels of the rows read.
    func labels() -> Labels
    /// Adds the rows `other` read after the rows this reader read.
    mutating func append(_ other: Self)
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
        add(text: field.hasEscapedQuotes ? Array(tokenizer.text(of: field).utf8) : Array(content))
    }

    /// Reads the label text `text` (UTF-8) of the next row.
    mutating func add(text: [UInt8]) {
        if let id = idOfText[text] {
            ids.append(id)
        } else {
            idOfText[text] = distinct.count
            ids.append(distinct.count)
            distinct.append(text)
        }
    }

    mutating func append(_ other: CSVLabelInterner) {
        let ids = other.distinct.map { text in
            if let id = idOfText[text] { return id }
            idOfText[text] = distinct.count
            distinct.append(text)
            return distinct.count - 1
        }
        self.ids += other.ids.map { ids[$0] }
    }

    /// Each row's class index and the class names, each distinct label text a class named exactly as written
    /// (`1` and `01` are two classes), in `ClassOrder`.
    func labels() -> ClassLabels {
        let keys = distinct.map(ClassOrder.init)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var classOfID = [Int](repeating: 0, count: keys.count)
        for (position, id) in order.enumerated() { classOfID[id] = position }
        return ClassLabels(unchecked: ids.map { classOfID[$0] }, classNames: order.map { keys[$0].name })
    }
}

/// The order of classes read from a label column, one rule whatever the labels: names that are integers (`-1`, `2`,
/// `10`, `01`: optional sign and decimal digits, within Int's range) first, by value, equal values (`1`, `01`) by
/// their text; then every other name in Unicode scalar order (UTF-8 byte order, `"B" < "a" < "b"`).
///
/// For integer labels this is the numeric order a pandas + scikit-learn pipeline gives (`LabelEncoder` on the
/// integers pandas reads); for text labels it is `LabelEncoder`'s order on strings. The names are never rewritten:
/// pandas reads `01` as 1 (merging it with `1`), this reader keeps `01`.
struct ClassOrder: Comparable {
    /// The label text as written.
    let name: String
    /// Its value, when it is an integer.
    let value: Int?
    private let bytes: [UInt8]

    /// The key of the label text in `bytes` (UTF-8).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        name = String(decoding: bytes, as: UTF8.self)
        value = Int(name)
    }

    static func < (lhs: ClassOrder, rhs: ClassOrder) -> Bool {
        switch (lhs.value, rhs.value) {
        case let (left?, right?) where left != right: left < right
        case (.some, nil): true
        case (nil, .some): false
        default: lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
        }
    }

    static func == (lhs: ClassOrder, rhs: ClassOrder) -> Bool { lhs.bytes == rhs.bytes }
}

/// Reads the label column as numbers: the regression target of each row, finite (an empty cell, a missing or
/// non-finite marker, text or an overflowing number is a `csv` error naming the cell's line and column).
struct CSVTargetReader: CSVLabelReader {
    private var targets: [Double] = []

    mutating func add(_ field: CSVField, column: Int, cells: CSVCellParser) throws(MetricLearnError) {
        let note = " (the label column holds regression targets)"
        do {
            targets.append(try cells.number(in: field, column: column, policy: .reject))
        } catch {
            switch error {
            case let .csv(line, column, reason):
                throw .csv(line: line, column: column, reason: reason + note)
            case let .notANumber(line, column, _, text):    // not a categorical feature: no `--categorical` advice
                throw .csv(line: line, column: column, reason: "\(CSVCell.quoted(text)) is not a number" + note)
            default:
                throw error
            }
        }
    }

    func labels() -> [Double] { targets }

    mutating func append(_ other: CSVTargetReader) { targets += other.targets }
}
