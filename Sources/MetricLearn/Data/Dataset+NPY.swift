/// Tables from NumPy `.npy` features: a 2-D numeric array (see `Matrix(npyFile:)`), whose columns are named
/// `x0`, `x1`, … (as a `MahalanobisMetric` without feature names), and, for labelled tables, the labels in a file
/// of their own: a 1-D `.npy` array (a path ending in `.npy`: integers, whole floats or unicode text as class
/// labels, `3` and `3.0` both class `3`; numbers as regression targets) or a CSV file with a header row whose
/// label column is chosen by `LabelColumn` (its other columns are ignored).
extension FeatureTable {
    /// Reads the `.npy` features at `path`, naming the columns `x0`, `x1`, ….
    ///
    /// - Throws: as `Matrix(npyFile:)`.
    public init(npyFile path: String) throws(MetricLearnError) {
        let features = try Matrix(npyFile: path)
        self.init(unchecked: features, featureNames: Self.unnamedColumns(features.columnCount))
    }

    /// The names of `count` columns that have none: `x0`, `x1`, ….
    static func unnamedColumns(_ count: Int) -> [String] { (0..<count).map { "x\($0)" } }
}

extension Dataset {
    /// Reads the `.npy` features at `path` and their class labels from `labelsFile` (a `.npy` array or a CSV
    /// file's `labelColumn`).
    ///
    /// - Throws: as `FeatureTable(npyFile:)`; `npyFile` for labels that are not whole numbers or text, or whose
    ///   count is not the number of rows; `file` and the CSV reader's errors for a CSV label file.
    public init(npyFile path: String, labelsFile: String, labelColumn: LabelColumn = .automatic)
        throws(MetricLearnError) {
        let table = try FeatureTable(npyFile: path)
        let (classes, _) = try LabelFile.classLabels(atPath: labelsFile, labelColumn: labelColumn,
                                                    rowCount: table.sampleCount, featuresPath: path)
        self.init(unchecked: table, classes: classes)
    }
}

extension RegressionDataset {
    /// Reads the `.npy` features at `path` and their regression targets from `targetsFile` (a numeric `.npy`
    /// array or a CSV file's `targetColumn`).
    ///
    /// - Throws: as `FeatureTable(npyFile:)`; `npyFile` for text or non-finite targets, or a count that is not the
    ///   number of rows; `file` and the CSV reader's errors for a CSV target file.
    public init(npyFile path: String, targetsFile: String, targetColumn: LabelColumn = .automatic)
        throws(MetricLearnError) {
        let table = try FeatureTable(npyFile: path)
        let targets = try LabelFile.targets(atPath: targetsFile, labelColumn: targetColumn,
                                            rowCount: table.sampleCount, featuresPath: path)
        self.init(unchecked: table, targets: targets)
    }
}
