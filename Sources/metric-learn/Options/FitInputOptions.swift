import ArgumentParser
import MetricLearn

/// `--input`, `--label-column`, `--seed`, `--standardize`, `--warm-start` and the column options: what every `fit`
/// subcommand learns from.
struct FitInputOptions: ParsableArguments {
    @Option(name: .customLong("input"), help: ArgumentHelp("The training data: a CSV file with a header row.",
                                                           valueName: "file.csv"))
    var path: String

    @OptionGroup var labels: LabelsFileOption

    @OptionGroup var label: LabelColumnOption

    @Option(help: "Seed for every random choice; fits are reproducible (ignored where nothing is random).")
    var seed: UInt64 = 0

    @Flag(help: ArgumentHelp("Learn on standardised features (each column's mean and standard deviation, after the "
                             + "column options' preprocessing) and fold the scaling into the metric, so the model "
                             + "applies to raw files as they are."))
    var standardize = false

    @Option(name: .customLong("warm-start"),
            help: ArgumentHelp("Continue from the metric of this model file, fitted on the same columns with the same "
                               + "column options (learners that iterate: \(FitInputOptions.warmStartLearners)).",
                               valueName: "model.json"))
    var warmStart: String?

    /// The learners that can continue from a model, by name.
    static var warmStartLearners: String {
        LearnerRegistry.all.filter(\.canWarmStart).map(\.name).joined(separator: ", ")
    }

    @OptionGroup var columns: ColumnOptions
}

/// `--label-column`: which CSV column holds the class labels.
struct LabelColumnOption: ParsableArguments {
    @Option(name: .customLong("label-column"),
            help: ArgumentHelp("The column holding the class labels (default: the column named 'label' if there is one, "
                               + "otherwise the last column).", valueName: "name"))
    var name: String?

    /// The reader's label column.
    var column: LabelColumn { name.map(LabelColumn.named) ?? .automatic }
}
