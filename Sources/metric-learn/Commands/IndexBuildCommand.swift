import ArgumentParser
import MetricLearn

/// `metric-learn index build --metric MODEL.json --input TRAIN.csv --output INDEX [--m 16] [--ef-construction 200]`.
struct IndexBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an HNSW index of training rows in a model's metric.",
        discussion: """
            The rows of the input are read through the model's features, mapped by its metric and inserted into \
            a hierarchical navigable small-world graph (hnswlib). Larger --m and --ef-construction make a graph \
            that finds more true neighbours, at the cost of build time and memory. Rows are inserted on every \
            core, so two builds differ slightly; --sequential inserts them one at a time, so the same --seed \
            gives the same file whatever the number of cores.
            """
    )

    @OptionGroup var source: IndexSourceOptions

    @Option(help: ArgumentHelp("Where to write the index.", valueName: "index.hnsw"))
    var output: String

    @Option(name: .customLong("m"), help: "Links per node on each layer of the graph (twice as many on the bottom one).")
    var m = HNSWParameters().m

    @Option(help: "Candidates kept while inserting a row.")
    var efConstruction = HNSWParameters().efConstruction

    @Option(help: "Seed of the layer each row is placed on.")
    var seed: UInt64 = 0

    @Flag(help: "Insert rows one at a time, in order, so that the index is reproducible bit for bit (slower).")
    var sequential = false

    func run() throws(CommandFailure) {
        let (model, features) = try source.read()
        let parameters = HNSWParameters(m: m, efConstruction: efConstruction, seed: seed,
                                        insertion: sequential ? .sequential : .concurrent)
        let clock = ContinuousClock()
        let start = clock.now
        let index = try withFile(source.input, .input) { () throws(MetricLearnError) in
            try HNSWIndex(points: model.metric.transform(features), parameters: parameters)
        }
        let seconds = (clock.now - start).seconds
        try withFile(output, .output) { () throws(MetricLearnError) in
            try index.write(toFile: output, metric: model.metric, trainingFeatures: features)
        }
        print("wrote \(output): HNSW index of \(index.count) rows × \(index.dimension) dimensions (m \(m), "
              + "ef-construction \(efConstruction)), \(Format.number(Double(index.memoryBytes) / 1_048_576, significant: 3)) "
              + "MiB in memory, built in \(Format.seconds(seconds))")
    }
}
