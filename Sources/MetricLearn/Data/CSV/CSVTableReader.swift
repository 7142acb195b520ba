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

    private static func read<Reader: CSVLabelReader>(
        _ buffer: UnsafeBufferPointer<UInt8>, format: CSVFormat, labelColumn: LabelColumn?,
        featureColumns: FeatureColumns, reader: Reader, allowingNoFeatures: Bool
    ) throws(MetricLearnError) -> CSVContents<FeatureTable, Reader.Labels> {
        var document = try CSVDocument(buffer, format: format)
        let layout = try CSVColumnLayout(header: document.header, headerLine: document.headerLine,
                                         labelColumn: labelColumn, featureColumns: featureColumns,
                                         allowingNoFeatures: allowingNoFeatures)
        let cells = CSVCellParser(buffer: buffer, tokenizer: document.tokenizer, delimiter: document.delimiter,
                                  header: document.header)

        var fields: [CSVField] = []
        var elements: [Double] = []
        var labels = reader
        var rowCount = 0
        while try document.nextRow(into: &fields) {
            for column in layout.featureIndices {
                elements.append(try cells.number(in: fields[column], column: column + 1, policy: format.nonFiniteValues))
            }
            if let labelIndex = layout.labelIndex {
                try labels.add(fields[labelIndex], column: labelIndex + 1, cells: cells)
            }
            rowCount += 1
        }
        guard rowCount > 0 else { throw document.noDataRowsError }
        let features = Matrix(rowCount: rowCount, columnCount: layout.featureIndices.count, elements: elements)
        let featureNames = layout.featureIndices.map { document.header[$0] }
        return CSVContents(table: FeatureTable(unchecked: features, featureNames: featureNames), labels: labels.labels(),
                           labelColumnName: layout.labelIndex.map { document.header[$0] })
    }
}
