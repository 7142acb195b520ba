import ArgumentParser
import MetricLearn

/// `--metric`, `--input`, `--pairs`, `--id-column` and `--threshold`: the model, the data and the pairs of its rows
/// that `pairs` and `evaluate-pairs` score.
struct PairInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The model file written by 'metric-learn fit'.", valueName: "model.json"))
    var metric: String

    @Option(help: ArgumentHelp("The data: a CSV file with a header row holding the model's input columns (matched "
                               + "by name; other columns are ignored).", valueName: "file.csv"))
    var input: String

    @Option(help: ArgumentHelp("The pairs: a CSV with columns first,second naming rows of --input (0-based row "
                               + "numbers, or --id-column values) and, when known, similar (1 similar, -1 or 0 "
                               + "dissimilar).", valueName: "pairs.csv"))
    var pairs: String

    @Option(name: .customLong("id-column"),
            help: ArgumentHelp("The column of --input whose values name rows in the pairs file (default: rows are "
                               + "named by 0-based number).", valueName: "name"))
    var idColumn: String?

    @Option(help: ArgumentHelp("Predict pairs at this distance or nearer similar, instead of the model's threshold.",
                               valueName: "distance"))
    var threshold: Double?

    func validate() throws {
        if let threshold, threshold.isNaN { throw ValidationError("--threshold must be a number") }
        if idColumn != nil && LabelsFileOption.isNPY(input) {
            throw ValidationError("--id-column does not apply to a .npy --input: its rows are named by 0-based number")
        }
    }

    /// The files read: the model, the data and the pairs.
    var files: [FileOperand] {
        [FileOperand(option: "--metric", path: metric), FileOperand(option: "--input", path: input),
         FileOperand(option: "--pairs", path: pairs)]
    }

    /// The model, the input's features in the model's columns, and the pairs.
    func read() throws(CommandFailure) -> (model: ModelFile, features: Matrix, pairs: PairList) {
        let model = try withFile(metric, .input) { () throws(MetricLearnError) in try ModelFile(contentsOfFile: metric) }
        let (features, rows) = try withFile(input, .input) { () throws(MetricLearnError) in
            let features = try model.features(ofInput: input)
            let rows = try idColumn.map { (column) throws(MetricLearnError) in
                try RowIdentifiers(csvFile: input, column: column)
            } ?? .rowNumbers(count: features.rowCount)
            return (features, rows)
        }
        let list = try withFile(pairs, .input) { () throws(MetricLearnError) in try PairList(csvFile: pairs, rows: rows) }
        return (model, features, list)
    }

    /// `--threshold`, else the model's.
    func threshold(of model: ModelFile) throws(CommandFailure) -> PairThreshold? {
        guard let threshold else { return model.pairThreshold }
        return try withFile(nil, .input) { () throws(MetricLearnError) in try PairThreshold(distance: threshold) }
    }
}
