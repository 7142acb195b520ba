import ArgumentParser
import MetricLearn

/// `metric-learn index build|check`: approximate nearest-neighbour indexes (HNSW) of a metric's training rows.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build and check approximate nearest-neighbour indexes (HNSW) in a learned space.",
        discussion: """
            An index holds the training rows mapped by a model's metric in an HNSW graph, so that 'predict \
            --index' finds neighbours without comparing each query with every training row. Its file records \
            the model and the training rows it was built for; it is refused with another model or other rows.
            """,
        subcommands: [IndexBuildCommand.self, IndexCheckCommand.self]
    )
}

/// `--metric` and `--input`: the model and the training rows an index belongs to.
struct IndexSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The model file written by 'metric-learn fit'.", valueName: "model.json"))
    var metric: String

    @Option(help: ArgumentHelp("The training data the index is of: a CSV file with the model's features (other "
                               + "columns are ignored).", valueName: "train.csv"))
    var input: String

    /// The model and the training features as the model reads them (its columns and preprocessing).
    func read() throws(CommandFailure) -> (model: ModelFile, features: Matrix) {
        let model = try withFile(metric, .input) { () throws(MetricLearnError) in try ModelFile(contentsOfFile: metric) }
        let features = try withFile(input, .input) { () throws(MetricLearnError) in
            try model.features(ofInput: input)
        }
        return (model, features)
    }
}

/// `--ef-search`: the candidate list of a search through an index.
struct EfSearchOption: ParsableArguments {
    @Option(name: .customLong("ef-search"),
            help: "Candidates kept while searching the index: more finds more true neighbours, more slowly.")
    var value = HNSWParameters().efSearch
}
