/// A table read by a model's input columns, for `transform` and `predict`.
public struct ModelInput: Sendable, Hashable {
    /// One row per sample, one column per model feature, in the model's order (after the model's preprocessing).
    public let features: Matrix
    /// Each row's label as written in the file, when the file has a label column.
    public let labels: [String]?
}

extension ModelFile {
    /// Reads the CSV file at `path` by this model's input columns, found by name: the metric's features, or the
    /// raw columns of its table preprocessor, preprocessed as in training (unseen categories encode as zeros,
    /// missing cells get the training fill values). Other columns are ignored.
    ///
    /// `labelColumn`, when given, must exist and its text is returned; when nil, the column named `label` (else
    /// the last column, if it is not an input column) is returned if the file has one.
    /// - Throws: `file`, `csv` and the column errors of the readers (a missing input column names it).
    public func input(csvFile path: String, labelColumn: LabelColumn? = nil) throws(MetricLearnError) -> ModelInput {
        if let preprocessor = tablePreprocessor {
            let read = { () throws(MetricLearnError) in
                try RawDataset(csvFile: path, labelColumn: labelColumn ?? .automatic, readingColumnsOf: preprocessor)
            }
            let labelled = labelColumn == nil ? try? read() : try read()
            // No usable label column: read the input columns alone, which also gives the real error, if any.
            let table = if let labelled { labelled.table } else { try RawTable(csvFile: path, readingColumnsOf: preprocessor) }
            return ModelInput(features: try preprocessor.transform(table).features,
                              labels: labelled.map { labelled in labelled.labels.map { labelled.classNames[$0] } })
        }
        let columns = FeatureColumns.named(metric.featureNames)
        let read = { () throws(MetricLearnError) in
            try Dataset(csvFile: path, labelColumn: labelColumn ?? .automatic, featureColumns: columns)
        }
        if let labelled = labelColumn == nil ? try? read() : try read() {
            return ModelInput(features: labelled.features, labels: labelled.labels.map { labelled.classNames[$0] })
        }
        return ModelInput(features: try FeatureTable(csvFile: path, columns: columns).features, labels: nil)
    }

    /// Reads the labelled training file at `path` by this model's input columns, preprocessed as in training (not
    /// refitted on this file): what `predict` indexes.
    public func trainingData(csvFile path: String, labelColumn: LabelColumn = .automatic) throws(MetricLearnError)
        -> Dataset {
        if let preprocessor = tablePreprocessor {
            return try preprocessor.transform(try RawDataset(csvFile: path, labelColumn: labelColumn,
                                                             readingColumnsOf: preprocessor))
        }
        return try Dataset(csvFile: path, labelColumn: labelColumn, featureColumns: .named(metric.featureNames))
    }

    /// Reads the training file at `path` with its regression targets (the label column's numbers) by this
    /// model's input columns, preprocessed as in training: what `predict --task regression` indexes.
    ///
    /// - Throws: as `trainingData(csvFile:labelColumn:)`; a target cell that is not a finite number is a `csv`
    ///   error naming its line.
    public func regressionTrainingData(csvFile path: String, targetColumn: LabelColumn = .automatic)
        throws(MetricLearnError) -> RegressionDataset {
        if let preprocessor = tablePreprocessor {
            return try preprocessor.transform(try RawRegressionDataset(
                csvFile: path, targetColumn: targetColumn, featureColumns: preprocessor.featureColumns,
                categoricalColumns: preprocessor.categoricalColumns, missingValues: preprocessor.missingValues))
        }
        return try RegressionDataset(csvFile: path, targetColumn: targetColumn,
                                     featureColumns: .named(metric.featureNames))
    }
}

/// Reading `.npy` files through a model: their columns are the model's features, in order.
extension ModelFile {
    /// The features in the `.npy` file at `path`, whose columns are this model's features in the model's order.
    ///
    /// - Throws: as `Matrix(npyFile:)`; `npyFile` when the file's column count is not the model's feature count or
    ///   the model reads named columns through a table preprocessor (give it a CSV file).
    public func input(npyFile path: String) throws(MetricLearnError) -> ModelInput {
        ModelInput(features: try npyFeatures(path).features, labels: nil)
    }

    /// The `.npy` training features at `path` (the model's features in order) with the class labels in
    /// `labelsFile` (see `Dataset(npyFile:labelsFile:labelColumn:)`): what `predict` indexes.
    ///
    /// - Throws: as `input(npyFile:)` and `Dataset(npyFile:labelsFile:labelColumn:)`.
    public func trainingData(npyFile path: String, labelsFile: String,
                             labelColumn: LabelColumn = .automatic) throws(MetricLearnError) -> Dataset {
        let table = try npyFeatures(path)
        let (classes, _) = try LabelFile.classLabels(atPath: labelsFile, labelColumn: labelColumn,
                                                    rowCount: table.sampleCount, featuresPath: path)
        return Dataset(unchecked: table, classes: classes)
    }

    /// The `.npy` training features at `path` (the model's features in order) with the regression targets in
    /// `targetsFile`: what `predict --task regression` indexes.
    ///
    /// - Throws: as `input(npyFile:)` and `RegressionDataset(npyFile:targetsFile:targetColumn:)`.
    public func regressionTrainingData(npyFile path: String, targetsFile: String,
                                       targetColumn: LabelColumn = .automatic) throws(MetricLearnError)
        -> RegressionDataset {
        let table = try npyFeatures(path)
        let targets = try LabelFile.targets(atPath: targetsFile, labelColumn: targetColumn,
                                            rowCount: table.sampleCount, featuresPath: path)
        return RegressionDataset(unchecked: table, targets: targets)
    }

    /// The `.npy` features at `path` named by the model's features, which they must match in number.
    private func npyFeatures(_ path: String) throws(MetricLearnError) -> FeatureTable {
        guard tablePreprocessor == nil else {
            throw .npyFile(path: path, reason: "the model reads named CSV columns through its table preprocessing "
                               + "(categories or imputation), which a .npy file does not have; give a CSV file")
        }
        let features = try Matrix(npyFile: path)
        guard features.columnCount == metric.inputDimension else {
            throw .npyFile(path: path, reason: "has \(features.columnCount) columns where the model reads "
                               + "\(metric.inputDimension) features")
        }
        return FeatureTable(unchecked: features, featureNames: metric.featureNames)
    }
}
