/// The labels of `.npy` features, given in a file of their own: a `.npy` array (a path ending in `.npy`) or
/// otherwise a CSV file with a header row, whose label column is chosen as in any CSV (`LabelColumn`: by default
/// the column named `label`, else the last); its other columns are ignored.
///
/// In a `.npy` file, class labels are integers or whole floats, named by their integer text (`3.0` is class `3`),
/// or unicode text as written; regression targets are finite numbers of any numeric dtype.
enum LabelFile {
    /// Whether `path` names a NumPy `.npy` file (by its extension, in any case).
    static func isNPY(_ path: String) -> Bool { path.lowercased().hasSuffix(".npy") }

    /// The class labels in the file at `path`, one for each of the `rowCount` rows of the features at
    /// `featuresPath`, and the name of their CSV column.
    ///
    /// - Throws: `file`, `npyFile` (a float that is not whole, an empty text, a count that is not `rowCount`),
    ///   and the CSV reader's errors.
    static func classLabels(atPath path: String, labelColumn: LabelColumn, rowCount: Int,
                            featuresPath: String) throws(MetricLearnError) -> (ClassLabels, columnName: String?) {
        guard isNPY(path) else {
            let contents = try CSVTableReader.read(FileContents.bytes(atPath: path), format: CSVFormat(),
                                                   labelColumn: labelColumn, featureColumns: .named([]),
                                                   labels: CSVLabelInterner.self, allowingNoFeatures: true)
            try requireCount(contents.labels.labels.count, path: path, rowCount: rowCount, featuresPath: featuresPath)
            return (contents.labels, contents.labelColumnName)
        }
        var interner = CSVLabelInterner()
        switch try NPYReader.vector(atPath: path) {
        case let .texts(texts):
            try requireCount(texts.count, path: path, rowCount: rowCount, featuresPath: featuresPath)
            for (index, text) in texts.enumerated() {
                guard !text.isEmpty else {
                    throw .npyFile(path: path, reason: "label \(index) is empty: every row needs a class label")
                }
                interner.add(text: Array(text.utf8))
            }
        case let .numbers(values, areIntegers):
            try requireCount(values.count, path: path, rowCount: rowCount, featuresPath: featuresPath)
            for (index, value) in values.enumerated() {
                guard let integer = Int(exactly: value) else {
                    throw .npyFile(path: path, reason: "label \(index) is \(value), not a whole number: class labels "
                                       + (areIntegers ? "must fit in a 64-bit integer"
                                          : "must be whole numbers or text (numeric targets are regression)"))
                }
                interner.add(text: Array(String(integer).utf8))
            }
        }
        return (interner.labels(), nil)
    }

    /// The regression targets in the file at `path`, one for each of the `rowCount` rows of the features at
    /// `featuresPath`.
    ///
    /// - Throws: `file`, `npyFile` (text, a NaN or infinite target, a count that is not `rowCount`), and the CSV
    ///   reader's errors.
    static func targets(atPath path: String, labelColumn: LabelColumn, rowCount: Int,
                        featuresPath: String) throws(MetricLearnError) -> [Double] {
        guard isNPY(path) else {
            let contents = try CSVTableReader.read(FileContents.bytes(atPath: path), format: CSVFormat(),
                                                   labelColumn: labelColumn, featureColumns: .named([]),
                                                   labels: CSVTargetReader.self, allowingNoFeatures: true)
            try requireCount(contents.labels.count, path: path, rowCount: rowCount, featuresPath: featuresPath)
            return contents.labels
        }
        guard case let .numbers(values, _) = try NPYReader.vector(atPath: path) else {
            throw .npyFile(path: path, reason: "holds text; regression targets must be numbers")
        }
        try requireCount(values.count, path: path, rowCount: rowCount, featuresPath: featuresPath)
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .npyFile(path: path, reason: "target \(index) is \(values[index]); regression targets must be finite")
        }
        return values
    }

    private static func requireCount(_ count: Int, path: String, rowCount: Int,
                                     featuresPath: String) throws(MetricLearnError) {
        guard count != rowCount else { return }
        throw .npyFile(path: path, reason: "holds \(count) label\(count == 1 ? "" : "s") for the \(rowCount) "
                           + "row\(rowCount == 1 ? "" : "s") of \(featuresPath)")
    }
}
