import MetricLearn

/// What every `fit` subcommand does once it has built its learner: read the table with the column options, fit
/// through the library (`TrainingTable.fit`, which folds the preprocessing and `--standardize` into the model)
/// with a progress line, write the model file atomically, summarise on stdout, and warn on stderr about the data
/// and about a solver that did not converge.
struct LearnerFit {
    let input: FitInputOptions
    let output: FitOutputOptions

    func run(_ configuration: LearnerConfiguration) throws(CommandFailure) {
        let task = LearningTask.default(for: configuration.registration)
        let table = try input.columns.trainingTable(at: input.path, label: input.label, task: task)
        let name = configuration.name
        let progress = ProgressLine(learner: name, isRequested: output.progress)
        let fit = try withFile(input.path, .input) { () throws(MetricLearnError) in
            try table.fit(configuration, standardizing: input.standardize, progress: progress.callback)
        }
        progress.finish()
        for warning in fit.warnings.dropFirst(table.warnings.count) {
            StandardError.warn(Describe.warning(warning, file: input.path))
        }
        try withFile(output.path, .output) { () throws(MetricLearnError) in
            try fit.modelFile().write(toFile: output.path)
        }

        let metric = fit.metric
        let report = metric.report
        if let preprocessor = fit.tablePreprocessor, let raw = table.contents.rawTable {
            print("preprocessing: \(Describe.preprocessing(preprocessor, of: raw))")
        }
        if input.standardize { print("standardization: \(Describe.standardization)") }
        print("\(name): \(fit.trainingFeatures.sampleCount) samples × \(fit.trainingFeatures.featureCount) features → "
              + "\(metric.outputDimension) component\(metric.outputDimension == 1 ? "" : "s"), "
              + "\(Describe.fit(report))")
        if let preprocessor = fit.tablePreprocessor, let weights = metric.featureWeights,
           let columns = try? preprocessor.columnWeights(weights) {
            print("column weights: \(Describe.columnWeights(columns))")
        }
        print("wrote \(output.path)")
        if !report.didConverge { StandardError.warn(Describe.nonConvergence(of: name, report: report)) }
    }
}
