import MetricLearn

/// Reading a labelled training file with the column options.
extension ColumnOptions {
    /// The library's reading of a labelled table with these options and `label`, holding `task`'s labels.
    func reading(label: LabelColumnOption, task: LearningTask) -> TableReading {
        TableReading(labelColumn: label.column, featureColumns: featureColumns, categoricalColumns: categoricalColumns,
                     imputer: imputer, task: task)
    }

    /// The training table at `path` with `task`'s labels, its column warnings printed on stderr.
    func trainingTable(at path: String, label: LabelColumnOption, task: LearningTask) throws(CommandFailure)
        -> TrainingTable {
        let table = try withFile(path, .input) { () throws(MetricLearnError) in
            try TrainingTable(csvFile: path, reading: reading(label: label, task: task))
        }
        for warning in table.warnings { StandardError.warn(Describe.warning(warning, file: path)) }
        return table
    }
}
