/// What a CSV file holds once read: numeric feature columns and, when a label column was asked
/// for, each row's class index and the class names.
struct CSVContents {
    var features: Matrix
    var featureNames: [String]
    /// Empty when no label column was read.
    var labels: [Int]
    /// Empty when no label column was read.
    var classNames: [String]
}

/// Reads a numeric CSV table from bytes: after the header (`CSVDocument`), parses the chosen
/// numeric columns and the label column row by row, without building a `String` per cell.
enum CSVTableReader {
    /// Reads `bytes`; a `nil` `labelColumn` reads an unlabelled table.
    static func read(_ bytes: [UInt8], format: CSVFormat, labelColumn: LabelColumn?,
                     featureColumns: FeatureColumns) throws(MetricLearnError) -> CSVContents {
        try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) -> CSVContents in
            try read(buffer, format: format, labelColumn: labelColumn, featureColumns: featureColumns)
        }
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, format: CSVFormat, labelColumn: LabelColumn?,
                             featureColumns: FeatureColumns) throws(MetricLearnError) -> CSVContents {
        var document = try CSVDocument(buffer, format: format)
        let layout = try CSVColumnLayout(header: document.header, headerLine: document.headerLine,
                                         labelColumn: labelColumn, featureColumns: featureColumns)
        let cells = CSVCellParser(buffer: buffer, tokenizer: document.tokenizer, delimiter: document.delimiter)

        var fields: [CSVField] = []
        var elements: [Double] = []
        var labels = CSVLabelInterner()
        var rowCount = 0
        while try document.nextRow(into: &fields) {
            for column in layout.featureIndices {
                elements.append(try cells.number(in: fields[column], column: column + 1, policy: format.nonFiniteValues))
            }
            if let labelIndex = layout.labelIndex {
                try labels.add(fields[labelIndex], column: labelIndex + 1, buffer: buffer, tokenizer: document.tokenizer)
            }
            rowCount += 1
        }
        guard rowCount > 0 else { throw document.noDataRowsError }
        let (classLabels, classNames) = labels.classes()
        return CSVContents(
            features: Matrix(rowCount: rowCount, columnCount: layout.featureIndices.count, elements: elements),
            featureNames: layout.featureIndices.map { document.header[$0] }, labels: classLabels, classNames: classNames)
    }
}
