import MetricLearn

/// What every `fit` subcommand does once it has built its learner: read the data (preprocessing it
/// when asked), fit with a progress line, write the model file atomically, summarise on stdout, warn
/// on stderr if the solver did not converge.
struct LearnerFit {
    let input: FitInputOptions
    let output: FitOutputOptions

    func run(_ learner: some MetricLearner) throws(CommandFailure) {
        let (dataset, preprocessor, raw) = try input.columns.trainingData(at: input.path, label: input.label)
        let name = learner.configuration.name
        let progress = ProgressLine(learner: name, isRequested: output.progress)
        let metric = try withFile(input.path, .input) { () throws(MetricLearnError) in
            try learner.fit(dataset, progress: progress.callback)
        }
        progress.finish()
        try withFile(output.path, .output) { () throws(MetricLearnError) in
            try ModelFile(metric: metric, tablePreprocessor: preprocessor).write(toFile: output.path)
        }

        let report = metric.report
        if let preprocessor, let raw { print("preprocessing: \(Describe.preprocessing(preprocessor, of: raw.table))") }
        print("\(name): \(dataset.sampleCount) samples × \(dataset.featureCount) features → "
              + "\(metric.outputDimension) component\(metric.outputDimension == 1 ? "" : "s"), "
              + "\(Describe.fit(report))")
        if let preprocessor, let weights = metric.featureWeights,
           let columns = try? preprocessor.columnWeights(weights) {
            print("column weights: \(Describe.columnWeights(columns))")
        }
        print("wrote \(output.path)")
        if !report.didConverge { StandardError.warn(Describe.nonConvergence(of: name, report: report)) }
    }
}
