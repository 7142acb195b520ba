/// What a CSV file holds once read: its feature columns (a `FeatureTable` or a `RawTable`) and,
/// when a label column was asked for, each row's label as the `CSVLabelReader` made it (class labels or
/// regression targets; none otherwise).
struct CSVContents<Table, Labels> {
    var table: Table
    var labels: Labels
    /// The header's name of the label column, when one was read.
    var labelColumnName: String?
}

/// Reads a numeric CSV table from bytes: after the header (`CSVDocument`), parses the chosen
/// numeric columns and the label column row by row, without building a `String` per cell.
enum CSVTableReader {
    /// Reads `bytes`, the label column with a `Reader`; a `nil` `labelColumn` reads an unlabelled table.
    static func read<Reader: CSVLabelReader>(
        _ bytes: [UInt8], format: CSVFormat, labelColumn: LabelColumn?, featureColumns: FeatureColumns,
        labels _: Reader.Type, allowingNoFeatures: Bool = false
    ) throws(MetricLearnError) -> CSVContents<FeatureTable, Reader.Labels> {
        try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) -> CSVContents<FeatureTable, Reader.Labels> in
            try read(buffer, format: format, labelColumn: labelColumn, featureColumns: featureColumns, reader: Reader(),
                     allowingNoFeatures: allowingNoFeatures)
        }
    }

    /// Reads the file at `path` as `read(_:format:labelColumn:featureColumns:labels:allowingNoFeatures:)` reads
    /// bytes, holding only the numbers and the bytes not yet parsed (`FileContents.withBytes`).
    static func read<Reader: CSVLabelReader>(
        file path: String, format: CSVFormat, labelColumn: LabelColumn?, featureColumns: FeatureColumns,
        labels _: Reader.Type, allowingNoFeatures: Bool = false
    ) throws(MetricLearnError) -> CSVContents<FeatureTable, Reader.Labels> {
        try FileContents.withBytes(atPath: path) { (buffer, handBack) throws(MetricLearnError) in
            try read(buffer, format: format, labelColumn: labelColumn, featureColumns: featureColumns, reader: Reader(),
                     allowingNoFeatures: allowingNoFeatures, handingBack: handBack)
        }
    }

    /// Rows parsed between two hand-backs of the bytes before the current row.
    static let handBackInterval = 4096

    private static func read<Reader: CSVLabelReader>(
        _ buffer: UnsafeBufferPointer<UInt8>, format: CSVFormat, labelColumn: LabelColumn?,
        featureColumns: FeatureColumns, reader: Reader, allowingNoFeatures: Bool,
        handingBack handBack: (Range<Int>) -> Void = { _ in }
    ) throws(MetricLearnError) -> CSVContents<FeatureTable, Reader.Labels> {
        var document = try CSVDocument(buffer, format: format, handingBack: handBack)
        let layout = try CSVColumnLayout(header: document.header, headerLine: document.headerLine,
                                         labelColumn: labelColumn, featureColumns: featureColumns,
                                         allowingNoFeatures: allowingNoFeatures)
        let rows = CSVRowReader(layout: layout, policy: format.nonFiniteValues,
                                cells: CSVCellParser(buffer: buffer, tokenizer: document.tokenizer,
                                                     delimiter: document.delimiter, header: document.header))
        let featureCount = layout.featureIndices.count
        var labels = reader
        let elements: [Double]
        let rowCount: Int
        if let halves = CSVHalves(document, buffer: buffer, featureCount: featureCount) {
            (elements, rowCount) = try halves.read(with: rows, labels: &labels, handingBack: handBack)
        } else {
            var sink = ArraySink(capacity: elementBound(of: document, byteCount: buffer.count,
                                                        featureCount: featureCount))
            rowCount = try rows.read(&document, into: &sink, labels: &labels, handedBack: 0, handingBack: handBack)
            elements = sink.elements
        }
        guard rowCount > 0 else { throw document.noDataRowsError }
        let features = Matrix(rowCount: rowCount, columnCount: featureCount, elements: elements)
        let featureNames = layout.featureIndices.map { document.header[$0] }
        return CSVContents(table: FeatureTable(unchecked: features, featureNames: featureNames), labels: labels.labels(),
                           labelColumnName: layout.labelIndex.map { document.header[$0] })
    }

    /// How many numbers `document` (`byteCount` bytes) can hold in `featureCount` columns, when that is sure to fit
    /// in memory (otherwise 0: the numbers then grow as they come). A data row ends with one of the line breaks
    /// and, with c columns, holds at least c bytes (c − 1 delimiters and a line break, or a character and a line
    /// break), so neither a file of blank lines nor one of many columns reserves more than a few bytes per byte.
    private static func elementBound(of document: CSVDocument, byteCount: Int, featureCount: Int) -> Int {
        let rows = min(document.lineBreakCount + 1, byteCount / max(document.header.count, 1) + 1)
        let (elements, overflow) = rows.multipliedReportingOverflow(by: featureCount)
        guard !overflow, elements <= MemoryBudget.availableBytes / (2 * MemoryLayout<Double>.stride) else { return 0 }
        return elements
    }
}

/// Parses data rows: the feature columns of a layout into numbers, the label column into a label reader.
struct CSVRowReader {
    let layout: CSVColumnLayout
    let policy: CSVFormat.NonFiniteValues
    let cells: CSVCellParser

    /// Reads the rows left in `document` (to the end of its tokenizer's bytes) into `sink` and `labels` and returns
    /// how many there were; every `CSVTableReader.handBackInterval` rows it hands back the bytes from `handedBack`
    /// to the current row. Plain rows take `CSVPlainRowReader`, the others the tokenizer and `cells`.
    func read<Reader: CSVLabelReader, Sink: CSVNumberSink>(
        _ document: inout CSVDocument, into sink: inout Sink, labels: inout Reader, handedBack: Int,
        handingBack handBack: (Range<Int>) -> Void
    ) throws(MetricLearnError) -> Int {
        let featureCount = layout.featureIndices.count
        let plain = CSVPlainRowReader(layout: layout, columnCount: document.header.count, delimiter: document.delimiter)
        let row = UnsafeMutablePointer<Double>.allocate(capacity: max(featureCount, 1))
        defer { row.deallocate() }
        var fields: [CSVField] = []
        var label: CSVField?
        var (rowCount, handedBack) = (0, handedBack)
        func handBackBefore(row start: Int) {
            guard rowCount % CSVTableReader.handBackInterval == 0 else { return }
            handBack(handedBack..<max(handedBack, start))
            handedBack = max(handedBack, start)
        }
        while true {
            let rowStart = document.tokenizer.offset
            if document.tokenizer.nextPlainRecord(plain, into: row, label: &label) {
                handBackBefore(row: rowStart)
                for position in 0..<featureCount { sink.append(row[position]) }
                if let labelIndex = layout.labelIndex, let label {
                    try labels.add(label, column: labelIndex + 1, cells: cells)
                }
                rowCount += 1
                continue
            }
            guard try document.nextRow(into: &fields) else { break }
            handBackBefore(row: fields[0].start)
            for column in layout.featureIndices {
                sink.append(try cells.number(in: fields[column], column: column + 1, policy: policy))
            }
            if let labelIndex = layout.labelIndex {
                try labels.add(fields[labelIndex], column: labelIndex + 1, cells: cells)
            }
            rowCount += 1
        }
        return rowCount
    }
}

/// Where a row reader puts the numbers, row after row.
protocol CSVNumberSink {
    /// Adds the next number.
    mutating func append(_ value: Double)
}

/// Numbers gathered in an array.
struct ArraySink: CSVNumberSink {
    private(set) var elements: [Double] = []

    /// An empty array with room for `capacity` numbers.
    init(capacity: Int) { elements.reserveCapacity(capacity) }

    mutating func append(_ value: Double) { elements.append(value) }
}

/// Numbers written one after the other from a pointer into memory the caller has reserved for them all.
struct PointerSink: CSVNumberSink {
    private(set) var next: UnsafeMutablePointer<Double>

    init(_ start: UnsafeMutablePointer<Double>) { next = start }

    mutating func append(_ value: Double) {
        next.initialize(to: value)
        next += 1
    }
}
