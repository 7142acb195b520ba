import MetricLearn

/// What every `fit` subcommand does once it has built its learner: read the data, fit with a
/// progress line, write the model file atomically, summarise on stdout, warn on stderr if the
/// solver did not converge.
struct LearnerFit {
    let input: FitInputOptions
    let output: FitOutputOptions

    func run(_ learner: some MetricLearner) throws(CommandFailure) {
        let dataset = try withFile(input.path, .input) { () throws(MetricLearnError) in
            try Dataset(csvFile: input.path, labelColumn: input.label.column)
        }
        let name = learner.configuration.name
        let progress = ProgressLine(learner: name, isRequested: output.progress)
        let metric = try withFile(input.path, .input) { () throws(MetricLearnError) in
            try learner.fit(dataset, progress: progress.callback)
        }
        progress.finish()
        try withFile(output.path, .output) { () throws(MetricLearnError) in
            try ModelFile(metric: metric).write(toFile: output.path)
        }

        let report = metric.report
        print("\(name): \(dataset.sampleCount) samples × \(dataset.featureCount) features → "
              + "\(metric.outputDimension) component\(metric.outputDimension == 1 ? "" : "s"), "
              + "\(Describe.fit(report))")
        print("wrote \(output.path)")
        if !report.didConverge { StandardError.warn(Describe.nonConvergence(of: name, report: report)) }
    }
}
