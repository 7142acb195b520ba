/// What a CSV file holds once read: its feature columns (a `FeatureTable` or a `RawTable`) and,
/// when a label column was asked for, each row's class (no labels and no classes otherwise).
struct CSVContents<Table> {
    var table: Table
    var classes: ClassLabels
    /// The header's name of the label column, when one was read.
    var labelColumnName: String?
}

/// Reads a numeric CSV table from bytes: after the header (`CSVDocument`), parses the chosen
/// numeric columns and the label column row by row, without building a `String` per cell.
enum CSVTableReader {
    /// Reads `bytes`; a `nil` `labelColumn` reads an unlabelled table.
    static func read(_ bytes: [UInt8], format: CSVFormat, labelColumn: LabelColumn?,
                     featureColumns: FeatureColumns) throws(MetricLearnError) -> CSVContents<FeatureTable> {
        try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) -> CSVContents<FeatureTable> in
            try read(buffer, format: format, labelColumn: labelColumn, featureColumns: featureColumns)
        }
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, format: CSVFormat, labelColumn: LabelColumn?,
                             featureColumns: FeatureColumns) throws(MetricLearnError) -> CSVContents<FeatureTable> {
        var document = try CSVDocument(buffer, format: format)
        let layout = try CSVColumnLayout(header: document.header, headerLine: document.headerLine,
                                         labelColumn: labelColumn, featureColumns: featureColumns)
        let cells = CSVCellParser(buffer: buffer, tokenizer: document.tokenizer, delimiter: document.delimiter,
                                  header: document.header)

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
        let features = Matrix(rowCount: rowCount, columnCount: layout.featureIndices.count, elements: elements)
        let featureNames = layout.featureIndices.map { document.header[$0] }
        return CSVContents(table: FeatureTable(unchecked: features, featureNames: featureNames), classes: labels.classes(),
                           labelColumnName: layout.labelIndex.map { document.header[$0] })
    }
}
