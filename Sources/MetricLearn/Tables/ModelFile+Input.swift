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
