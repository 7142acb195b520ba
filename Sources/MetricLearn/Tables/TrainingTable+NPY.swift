/// Training tables from NumPy `.npy` features and a label file (see `Dataset(npyFile:labelsFile:labelColumn:)`).
extension TrainingTable {
    /// Reads the `.npy` features at `path` (columns `x0`, `x1`, …) and the labels in `labelsFile` — class labels,
    /// or with `task` `.regression` numeric targets — from a `.npy` array or a CSV file's `labelColumn`.
    ///
    /// - Throws: as `Dataset(npyFile:labelsFile:labelColumn:)` and `RegressionDataset(npyFile:targetsFile:targetColumn:)`.
    public init(npyFile path: String, labelsFile: String, labelColumn: LabelColumn = .automatic,
                task: LearningTask = .classification) throws(MetricLearnError) {
        switch task {
        case .classification:
            let table = try FeatureTable(npyFile: path)
            let (classes, columnName) = try LabelFile.classLabels(atPath: labelsFile, labelColumn: labelColumn,
                                                                  rowCount: table.sampleCount, featuresPath: path)
            self.init(Dataset(unchecked: table, classes: classes), labelColumn: columnName)
        case .regression:
            self.init(try RegressionDataset(npyFile: path, targetsFile: labelsFile, targetColumn: labelColumn))
        }
    }
}
