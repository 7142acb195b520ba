/// Reads a CSV table whose feature columns may hold categories and missing cells.
///
/// With `CategoricalColumns.automatic` the rows are read twice: once to find the columns that hold
/// text, once to read every cell as a number or a category. Other modes read them once.
enum CSVRawTableReader {
    /// Reads `bytes`, the label column with a `Reader`; a `nil` `labelColumn` reads an unlabelled table.
    static func read<Reader: CSVLabelReader>(
        _ bytes: [UInt8], format: CSVFormat, labelColumn: LabelColumn?, featureColumns: FeatureColumns,
        categoricalColumns: CategoricalColumns, missingValues: MissingValues, labels _: Reader.Type
    ) throws(MetricLearnError) -> CSVContents<RawTable, Reader.Labels> {
        try bytes.withUnsafeBufferPointer { (buffer) throws(MetricLearnError) -> CSVContents<RawTable, Reader.Labels> in
            var document = try CSVDocument(buffer, format: format)
            let layout = try CSVColumnLayout(header: document.header, headerLine: document.headerLine,
                                             labelColumn: labelColumn, featureColumns: featureColumns)
            let cells = CSVCellParser(buffer: buffer, tokenizer: document.tokenizer, delimiter: document.delimiter,
                                  header: document.header)
            let isCategorical = try categoricalFlags(categoricalColumns, document: document, layout: layout, cells: cells)

            var numbers = [[Double?]](repeating: [], count: layout.featureIndices.count)
            var categories = [CSVCategoryInterner](repeating: CSVCategoryInterner(), count: layout.featureIndices.count)
            var labels = Reader()
            var fields: [CSVField] = []
            var rowCount = 0
            while try document.nextRow(into: &fields) {
                for (position, column) in layout.featureIndices.enumerated() {
                    if isCategorical[position] {
                        try categories[position].add(fields[column], column: column + 1, buffer: buffer, cells: cells,
                                                     missingValues: missingValues)
                    } else {
                        numbers[position].append(
                            try cells.optionalNumber(in: fields[column], column: column + 1, missingValues: missingValues))
                    }
                }
                if let labelIndex = layout.labelIndex {
                    try labels.add(fields[labelIndex], column: labelIndex + 1, cells: cells)
                }
                rowCount += 1
            }
            guard rowCount > 0 else { throw document.noDataRowsError }

            let columns = layout.featureIndices.enumerated().map { position, column in
                isCategorical[position]
                    ? RawColumn(name: document.header[column], categories: categories[position].cells)
                    : RawColumn(name: document.header[column], numbers: numbers[position])
            }
            return CSVContents(table: RawTable(unchecked: columns, rowCount: rowCount), labels: labels.labels(),
                               labelColumnName: layout.labelIndex.map { document.header[$0] })
        }
    }

    /// For each feature column (in `layout` order), whether it is categorical.
    private static func categoricalFlags(_ categoricalColumns: CategoricalColumns, document: CSVDocument,
                                         layout: CSVColumnLayout, cells: CSVCellParser) throws(MetricLearnError) -> [Bool] {
        let featureIndices = layout.featureIndices
        switch categoricalColumns {
        case .none:
            return [Bool](repeating: false, count: featureIndices.count)
        case let .named(names):
            var flags = [Bool](repeating: false, count: featureIndices.count)
            for name in names {
                let index = try CSVColumnLayout.index(of: name, in: document.header, headerLine: document.headerLine)
                guard let position = featureIndices.firstIndex(of: index) else {
                    throw .csv(line: document.headerLine, column: index + 1,
                               reason: "column \(CSVCell.quoted(name)) is not a feature column (it is the label column "
                                   + "or not selected), so it cannot be categorical")
                }
                try Validation.require(!flags[position], "categoricalColumns", "'\(name)' twice",
                                       "must name each column at most once")
                flags[position] = true
            }
            return flags
        case .automatic:
            var flags = [Bool](repeating: false, count: featureIndices.count)
            var scan = document
            var fields: [CSVField] = []
            while try scan.nextRow(into: &fields) {
                for (position, column) in featureIndices.enumerated() where !flags[position] {
                    flags[position] = cells.isText(fields[column])
                }
            }
            return flags
        }
    }
}
