import ArgumentParser

/// `--labels`: the labels of a NumPy `.npy` training file, which holds features only — a `.npy` array or a CSV
/// file with a header row (its `--label-column`, by default the column named `label`, else the last).
struct LabelsFileOption: ParsableArguments {
    @Option(help: ArgumentHelp("With a NumPy .npy training file (features only): its labels, a .npy array or a CSV file "
                               + "with a header row (its --label-column; default: 'label', else the last column).",
                               valueName: "labels.npy|labels.csv"))
    var labels: String?

    /// Whether `path` names a NumPy `.npy` file (by its extension, in any case).
    static func isNPY(_ path: String) -> Bool { path.lowercased().hasSuffix(".npy") }

    /// Checks the rules of a training file at `path`, given with `option`: a `.npy` file needs `--labels`, takes
    /// `--label-column` only for a CSV labels file and no column option (its columns are numbered); a CSV file
    /// holds its labels, so `--labels` is refused.
    func validate(training path: String, option: String, label: LabelColumnOption,
                  columns: ColumnOptions? = nil) throws {
        guard Self.isNPY(path) else {
            if labels != nil {
                throw ValidationError("--labels applies with a .npy \(option) only; a CSV file holds its label column "
                                      + "(--label-column)")
            }
            return
        }
        guard let labels else {
            throw ValidationError("\(option) \(path) holds features only: give its labels with --labels (a .npy array "
                                  + "or a CSV file)")
        }
        if label.name != nil && Self.isNPY(labels) {
            throw ValidationError("--label-column applies to a CSV --labels file, not to the .npy array \(labels)")
        }
        if let given = columns?.givenOptionNames.first {
            throw ValidationError("\(given) does not apply to the .npy \(option) \(path): its columns are numbered "
                                  + "(x0, x1, …); choose columns in NumPy before saving it")
        }
    }
}
