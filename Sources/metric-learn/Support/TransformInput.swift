import MetricLearn

/// The input of `transform`: the model's input columns, found by name (and preprocessed when the
/// model records a table preprocessor), and the label column's text when the file has one (the
/// column named by `--label-column`, else the one named `label`, else the last column if it is not
/// an input column). Other columns are ignored.
struct TransformInput {
    /// One row per sample, one column per model feature, in the model's order.
    let features: Matrix
    /// Each row's label as written in the file, when the file has a label column.
    let labels: [String]?

    /// Reads `path`, taking the columns `model` needs. A label column named on the command line must
    /// exist; the automatic one is used only if it is not an input column.
    init(path: String, model: ModelFile, labelColumn: LabelColumnOption) throws(CommandFailure) {
        if let preprocessor = model.tablePreprocessor {
            try self.init(path: path, preprocessor: preprocessor, labelColumn: labelColumn)
        } else {
            try self.init(path: path, featureNames: model.metric.featureNames, labelColumn: labelColumn)
        }
    }

    /// Reads the numeric columns `featureNames` from `path`.
    private init(path: String, featureNames: [String], labelColumn: LabelColumnOption) throws(CommandFailure) {
        let read = { () throws(MetricLearnError) in
            try Dataset(csvFile: path, labelColumn: labelColumn.column, featureColumns: .named(featureNames))
        }
        let labelled = labelColumn.name == nil ? try? read() : try withFile(path, .input, read)
        if let labelled {
            features = labelled.features
            labels = labelled.labels.map { labelled.classNames[$0] }
        } else {
            // No usable label column: read the features alone, which also gives the real error, if any.
            let table = try withFile(path, .input) { () throws(MetricLearnError) in
                try FeatureTable(csvFile: path, columns: .named(featureNames))
            }
            features = table.features
            labels = nil
        }
    }

    /// Reads the raw columns of `preprocessor` from `path` and preprocesses them (unseen categories
    /// encode as zeros, missing cells get the training fill values).
    private init(path: String, preprocessor: TablePreprocessor, labelColumn: LabelColumnOption) throws(CommandFailure) {
        let read = { () throws(MetricLearnError) in
            try RawDataset(csvFile: path, labelColumn: labelColumn.column, readingColumnsOf: preprocessor)
        }
        let labelled = labelColumn.name == nil ? try? read() : try withFile(path, .input, read)
        let table: RawTable
        if let labelled {
            table = labelled.table
        } else {
            // No usable label column: read the input columns alone, which also gives the real error, if any.
            table = try withFile(path, .input) { () throws(MetricLearnError) in
                try RawTable(csvFile: path, readingColumnsOf: preprocessor)
            }
        }
        features = try withFile(path, .input) { () throws(MetricLearnError) in
            try preprocessor.transform(table).features
        }
        labels = labelled.map { labelled in labelled.labels.map { labelled.classNames[$0] } }
    }
}
