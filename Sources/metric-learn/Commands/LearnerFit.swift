import MetricLearn

/// What every `fit` subcommand does once it has built its learner: read the data (preprocessing it
/// when asked), standardise it with `--standardize`, fit with a progress line, write the model file
/// atomically, summarise on stdout, warn on stderr if the solver did not converge or if a scale-dependent
/// learner meets features of very different scales.
struct LearnerFit {
    let input: FitInputOptions
    let output: FitOutputOptions

    func run(_ configuration: LearnerConfiguration) throws(CommandFailure) {
        let (dataset, preprocessor, raw) = try input.columns.trainingData(at: input.path, label: input.label)
        let learner = configuration.learner
        let name = configuration.name
        if !input.standardize && !configuration.isScaleInvariant { warnAboutScales(of: dataset, learner: name) }
        let progress = ProgressLine(learner: name, isRequested: output.progress)
        let metric = try withFile(input.path, .input) { () throws(MetricLearnError) in
            guard input.standardize else { return try learner.fit(dataset, progress: progress.callback) }
            let standardization = try StandardScaler().fit(dataset.features)
            let standardized = try Dataset(features: try standardization.transform(dataset.features),
                                           labels: dataset.labels, classNames: dataset.classNames,
                                           featureNames: dataset.featureNames)
            return try learner.fit(standardized, progress: progress.callback).composed(with: standardization)
        }
        progress.finish()
        try withFile(output.path, .output) { () throws(MetricLearnError) in
            try ModelFile(metric: metric, tablePreprocessor: preprocessor).write(toFile: output.path)
        }

        let report = metric.report
        if let preprocessor, let raw { print("preprocessing: \(Describe.preprocessing(preprocessor, of: raw.table))") }
        if input.standardize { print("standardization: \(Describe.standardization)") }
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

    /// Suggests `--standardize` when the features' standard deviations differ by `Dataset.scaleWarningRatio` or more.
    private func warnAboutScales(of dataset: Dataset, learner name: String) {
        guard let (largest, smallest) = dataset.spreadExtremes,
              largest.standardDeviation >= Dataset.scaleWarningRatio * smallest.standardDeviation else { return }
        let ratio = largest.standardDeviation / smallest.standardDeviation
        StandardError.warn("\(name) depends on the units of the features, and their standard deviations differ by a "
                           + "factor of \(Format.number(ratio, significant: 2)) ('\(largest.feature)' "
                           + "\(Format.number(largest.standardDeviation, significant: 3)), '\(smallest.feature)' "
                           + "\(Format.number(smallest.standardDeviation, significant: 3))); "
                           + "--standardize learns on standardised features")
    }
}
