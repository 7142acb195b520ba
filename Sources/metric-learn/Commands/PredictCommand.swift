import ArgumentParser
import MetricLearn

/// `metric-learn predict --train TRAIN.csv --input TEST.csv [--metric MODEL.json] [--task T] … --output PRED.csv`.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Classify samples by their k nearest training samples, in a learned metric or the Euclidean one.",
        discussion: """
            The output has a column 'prediction' holding class names as in the training file, and with \
            --probabilities one column 'probability_<class>' per class (the share of the vote). The input's \
            columns are matched to the training features by name: a label column or other extra columns are \
            ignored. Without --metric, neighbours are found in plain Euclidean distance. A model fitted with \
            --categorical or --impute preprocesses both files as it did its training data. With --task \
            regression the training file's label column holds numbers and 'prediction' is the neighbours' \
            (weighted) mean of them. With --index, neighbours are found through an HNSW index of the training \
            file built by 'metric-learn index build' (usually the nearest ones, much faster on large training \
            files).
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

    @OptionGroup var labels: LabelsFileOption

    @OptionGroup var label: LabelColumnOption

    @Option(help: ArgumentHelp("classification: predict class names by vote; regression: predict numbers, the mean "
                               + "of the neighbours' targets (default: regression for a model learned from "
                               + "regression targets, such as mlkr, otherwise classification).", valueName: "task"))
    var task: LearningTask?

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
        try labels.validate(training: train, option: "--train", label: label)
        if index != nil && metric == nil { throw ValidationError("--index needs --metric, the model it was built for") }
        if efSearch != nil && index == nil { throw ValidationError("--ef-search applies to --index only") }
    }

    func run() throws(CommandFailure) {
        let file = try metric.map { path throws(CommandFailure) in
            try withFile(path, .input) { () throws(MetricLearnError) in try ModelFile(contentsOfFile: path) }
        }
        let task = task ?? file.map { LearningTask.default(for: $0.metric.report.learner.registration) } ?? .classification
        if probabilities && task == .regression {
            throw CommandFailure(message: "--probabilities applies to classification only, not to --task regression",
                                 exitCode: .usage)
        }
        let (columns, count) = switch task {
        case .classification: try classify(model: file)
        case .regression: try regress(model: file)
        }
        try withFile(output, .output) { () throws(MetricLearnError) in
            try AtomicFileWriter.write(CSVWriter().data(columns), to: output)
        }
        let space = (metric.map { "in the metric of \($0)" } ?? "in Euclidean distance")
            + (index.map { ", through \($0)" } ?? "")
        let rule = task == .classification ? "votes" : "mean"
        print("wrote \(output): \(count) predictions (\(neighbors.count) neighbours, "
              + "\(neighbors.weighting.argument) \(rule), \(space))")
    }

    /// The input's features: through the model's input columns and fitted preprocessing (not refitted here), or
    /// the training features by name.
    private func queries(model file: ModelFile?, featureNames: [String]) throws(CommandFailure) -> Matrix {
        try withFile(input, .input) { () throws(MetricLearnError) in
            if let file { try file.features(ofInput: input) } else if LabelsFileOption.isNPY(input) {
                try Matrix(npyFile: input)
            } else {
                try FeatureTable(csvFile: input, columns: .named(featureNames)).features
            }
        }
    }

    /// `fitted`, searching through the `--index` file (checked against the model's metric and the training
    /// features, searched with `--ef-search` when given), or `fitted` itself without `--index`.
    private func throughIndex<Model: NeighborsModel>(_ fitted: Model, model file: ModelFile?,
                                                     trainingFeatures: Matrix) throws(CommandFailure) -> Model {
        guard let index else { return fitted }
        return try withFile(index, .input, options: ["efSearch": "ef-search"]) { () throws(MetricLearnError) in
            var graph = try HNSWIndex(contentsOfFile: index, metric: file?.metric, trainingFeatures: trainingFeatures)
            graph.efSearch = efSearch ?? graph.efSearch
            return try fitted.searching(with: graph)
        }
    }

    /// The predicted classes (and with `--probabilities` the shares of the vote) of the input, and its row count.
    private func classify(model file: ModelFile?) throws(CommandFailure) -> ([CSVColumn], Int) {
        let training = try withFile(train, .input) { () throws(MetricLearnError) in
            if let labelsFile = labels.labels {
                if let file {
                    try file.trainingData(npyFile: train, labelsFile: labelsFile, labelColumn: label.column)
                } else {
                    try Dataset(npyFile: train, labelsFile: labelsFile, labelColumn: label.column)
                }
            } else if let file { try file.trainingData(csvFile: train, labelColumn: label.column) } else {
                try Dataset(csvFile: train, labelColumn: label.column)
            }
        }
        let queries = try queries(model: file, featureNames: training.featureNames)
        let classifier = try throughIndex(try withFile(train, .input, options: NeighborOptions.optionNames) {
            () throws(MetricLearnError) in try neighbors.configuration.fit(training, metric: file?.metric)
        }, model: file, trainingFeatures: training.features)
        return try withFile(input, .input) { () throws(MetricLearnError) in
            let predicted = try classifier.predict(queries)
            var columns = [CSVColumn(name: "prediction", text: predicted.map { training.classNames[$0] })]
            if probabilities {
                let shares = try classifier.predictProbabilities(queries)
                columns += CSVColumn.columns(of: shares, names: training.classNames.map { "probability_\($0)" })
            }
            return (columns, queries.rowCount)
        }
    }

    /// The predicted targets of the input, the (weighted) mean of their neighbours' targets, and its row count.
    private func regress(model file: ModelFile?) throws(CommandFailure) -> ([CSVColumn], Int) {
        let training = try withFile(train, .input) { () throws(MetricLearnError) in
            if let labelsFile = labels.labels {
                if let file {
                    try file.regressionTrainingData(npyFile: train, targetsFile: labelsFile, targetColumn: label.column)
                } else {
                    try RegressionDataset(npyFile: train, targetsFile: labelsFile, targetColumn: label.column)
                }
            } else if let file { try file.regressionTrainingData(csvFile: train, targetColumn: label.column) } else {
                try RegressionDataset(csvFile: train, targetColumn: label.column)
            }
        }
        let queries = try queries(model: file, featureNames: training.featureNames)
        let regressor = try throughIndex(try withFile(train, .input, options: NeighborOptions.optionNames) {
            () throws(MetricLearnError) in try neighbors.configuration.fit(training, metric: file?.metric)
        }, model: file, trainingFeatures: training.features)
        return try withFile(input, .input) { () throws(MetricLearnError) in
            ([CSVColumn(name: "prediction", numbers: try regressor.predict(queries))], queries.rowCount)
        }
    }
}

extension PredictCommand: FileCommand {
    var inputFiles: [FileOperand] {
        [FileOperand(option: "--train", path: train), FileOperand(option: "--input", path: input)]
            + (labels.labels.map { [FileOperand(option: "--labels", path: $0)] } ?? [])
            + (metric.map { [FileOperand(option: "--metric", path: $0)] } ?? [])
    }
    var outputFiles: [FileOperand] { [FileOperand(option: "--output", path: output)] }
}
