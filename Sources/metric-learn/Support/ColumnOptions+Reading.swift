import MetricLearn

/// Reading a labelled training file with the column options.
extension ColumnOptions {
    /// The library's reading of a labelled table with these options and `label`, holding `task`'s labels.
    func reading(label: LabelColumnOption, task: LearningTask) -> TableReading {
        TableReading(labelColumn: label.column, featureColumns: featureColumns, categoricalColumns: categoricalColumns,
                     imputer: imputer, task: task)
    }

    /// The training table at `path` with `task`'s labels, its column warnings printed on stderr. A text cell in a
    /// column read as numbers points at `--categorical`.
    /// A `.npy` file at `path` is read with the labels in `labels` (checked by `LabelsFileOption.validate`).
    func trainingTable(at path: String, labels: LabelsFileOption, label: LabelColumnOption,
                       task: LearningTask) throws(CommandFailure) -> TrainingTable {
        let table: TrainingTable
        do {
            if let labelsFile = labels.labels, LabelsFileOption.isNPY(path) {
                table = try TrainingTable(npyFile: path, labelsFile: labelsFile, labelColumn: label.column, task: task)
            } else {
                table = try TrainingTable(csvFile: path, reading: reading(label: label, task: task))
            }
        } catch let .notANumber(line, column, name, text) {
            let error = MetricLearnError.notANumber(line: line, column: column, columnName: name, text: text)
            throw CommandFailure(message: "\(path): \(error); if the column holds categories, add --categorical \(Format.argument(name)) "
                                     + "(or --categorical auto)",
                                 exitCode: .dataError)
        } catch {
            throw CommandFailure(error, path: path, role: .input)
        }
        for warning in table.warnings { StandardError.warn(Describe.warning(warning, file: path)) }
        return table
    }
}
