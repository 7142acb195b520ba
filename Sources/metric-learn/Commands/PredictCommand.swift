import ArgumentParser
import MetricLearn

/// `metric-learn predict --train TRAIN.csv --input TEST.csv [--metric MODEL.json] … --output PRED.csv`.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Classify samples by their k nearest training samples, in a learned metric or the Euclidean one.",
        discussion: """
            The output has a column 'prediction' holding class names as in the training file, and with \
            --probabilities one column 'probability_<class>' per class (the share of the vote). The input's \
            columns are matched to the training features by name: a label column or other extra columns are \
            ignored. Without --metric, neighbours are found in plain Euclidean distance. A model fitted with \
            --categorical or --impute preprocesses both files as it did its training data. With --index, \
            neighbours are found through an HNSW index of the training file built by 'metric-learn index build' \
            (usually the nearest ones, much faster on large training files).
            """
    )

    @Option(help: ArgumentHelp("The labelled training samples: a CSV file with a header row.", valueName: "train.csv"))
    var train: String

    @Option(help: ArgumentHelp("The samples to classify: a CSV file with the training features.", valueName: "test.csv"))
    var input: String

    @Option(help: ArgumentHelp("A model file from 'metric-learn fit' (default: Euclidean distance).",
                               valueName: "model.json"))
    var metric: String?

    @OptionGroup var neighbors: NeighborOptions

    @OptionGroup var label: LabelColumnOption

    @Option(help: ArgumentHelp("Find neighbours through this index of the training file in the model's metric "
                               + "(from 'metric-learn index build'; needs --metric).", valueName: "index.hnsw"))
    var index: String?

    @Option(name: .customLong("ef-search"),
            help: ArgumentHelp("With --index: candidates kept while searching it; more finds more true neighbours, "
                               + "more slowly. (default: 64)"))
    var efSearch: Int?

    @Flag(help: "Add one probability column per class.")
    var probabilities = false

    @Option(help: ArgumentHelp("Where to write the predictions (CSV).", valueName: "predictions.csv"))
    var output: String

    func validate() throws {
        if index != nil && metric == nil { throw ValidationError("--index needs --metric, the model it was built for") }
        if efSearch != nil && index == nil { throw ValidationError("--ef-search applies to --index only") }
    }

    func run() throws(CommandFailure) {
        let file = try metric.map { path throws(CommandFailure) in
            try withFile(path, .input) { () throws(MetricLearnError) in try ModelFile(contentsOfFile: path) }
        }
        let model = file?.metric
        let (training, queries): (Dataset, Matrix)
        if let file {
            // Both files go through the model's input columns and fitted preprocessing (not refitted here).
            training = try withFile(train, .input) { () throws(MetricLearnError) in
                try file.trainingData(csvFile: train, labelColumn: label.column)
            }
            queries = try withFile(input, .input) { () throws(MetricLearnError) in
                try file.input(csvFile: input).features
            }
        } else {
            training = try withFile(train, .input) { () throws(MetricLearnError) in
                try Dataset(csvFile: train, labelColumn: label.column)
            }
            queries = try withFile(input, .input) { () throws(MetricLearnError) in
                try FeatureTable(csvFile: input, columns: .named(training.featureNames)).features
            }
        }
        var classifier = try withFile(train, .input, options: NeighborOptions.optionNames) {
            () throws(MetricLearnError) in try neighbors.classifier.fit(training, metric: model)
        }
        if let index {
            classifier = try withFile(index, .input, options: ["efSearch": "ef-search"]) { () throws(MetricLearnError) in
                var graph = try HNSWIndex(contentsOfFile: index, metric: model, trainingFeatures: training.features)
                graph.efSearch = efSearch ?? graph.efSearch
                return try classifier.searching(with: graph)
            }
        }
        var columns = [CSVColumn]()
        try withFile(input, .input) { () throws(MetricLearnError) in
            let predicted = try classifier.predict(queries)
            columns.append(CSVColumn(name: "prediction", text: predicted.map { training.classNames[$0] }))
            if probabilities {
                let shares = try classifier.predictProbabilities(queries)
                columns += CSVColumn.columns(of: shares, names: training.classNames.map { "probability_\($0)" })
            }
        }
        try withFile(output, .output) { () throws(MetricLearnError) in
            try AtomicFileWriter.write(CSVWriter().data(columns), to: output)
        }
        let space = (metric.map { "in the metric of \($0)" } ?? "in Euclidean distance")
            + (index.map { ", through \($0)" } ?? "")
        print("wrote \(output): \(queries.rowCount) predictions (\(neighbors.count) neighbours, "
              + "\(neighbors.weighting.argument) votes, \(space))")
    }
}

extension PredictCommand: FileCommand {
    var inputFiles: [FileOperand] {
        [FileOperand(option: "--train", path: train), FileOperand(option: "--input", path: input)]
            + (metric.map { [FileOperand(option: "--metric", path: $0)] } ?? [])
    }
    var outputFiles: [FileOperand] { [FileOperand(option: "--output", path: output)] }
}
