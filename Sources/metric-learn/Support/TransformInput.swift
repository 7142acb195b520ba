import MetricLearn

/// The input of `transform`: the model's feature columns, found by name, and the label column's
/// text when the file has one (the column named by `--label-column`, else the one named `label`,
/// else the last column if it is not a feature). Other columns are ignored.
struct TransformInput {
    /// One row per sample, one column per model feature, in the model's order.
    let features: Matrix
    /// Each row's label as written in the file, when the file has a label column.
    let labels: [String]?

    /// Reads `path`, taking the columns named `featureNames`. A label column named on the command
    /// line must exist; the automatic one is used only if it is not a feature.
    init(path: String, featureNames: [String], labelColumn: LabelColumnOption) throws(CommandFailure) {
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
}
