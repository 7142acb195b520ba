import MetricLearn

/// Reading a labelled training file with the column options.
extension ColumnOptions {
    /// The library's reading of a labelled table with these options and `label`.
    func reading(label: LabelColumnOption) -> TableReading {
        TableReading(labelColumn: label.column, featureColumns: featureColumns, categoricalColumns: categoricalColumns,
                     imputer: imputer)
    }

    /// The training table at `path`, its column warnings printed on stderr.
    func trainingTable(at path: String, label: LabelColumnOption) throws(CommandFailure) -> TrainingTable {
        let table = try withFile(path, .input) { () throws(MetricLearnError) in
            try TrainingTable(csvFile: path, reading: reading(label: label))
        }
        for warning in table.warnings { StandardError.warn(Describe.warning(warning, file: path)) }
        return table
    }
}
