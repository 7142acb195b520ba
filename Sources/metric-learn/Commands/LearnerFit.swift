import MetricLearn

/// What every `fit` subcommand does once it has built its learner: read the table with the column options, fit
/// through the library (`TrainingTable.fit` from labels, `UnlabelledTable.fit` from a pairs or triplets file or a
/// chunk column; both fold the preprocessing and `--standardize` into the model) with a progress line, write the
/// model file atomically, summarise on stdout, and warn on stderr about the data and about a solver that did not
/// converge.
struct LearnerFit {
    let input: FitInputOptions
    let output: FitOutputOptions

    /// Learns from the labels of the input.
    func run(_ configuration: LearnerConfiguration) throws(CommandFailure) {
        let model = try startingModel()
        let task = LearningTask.default(for: configuration.registration)
        let table = try input.columns.trainingTable(at: input.path, labels: input.labels, label: input.label, task: task)
        let progress = ProgressLine(learner: configuration.name, isRequested: output.progress)
        let fit = try fitting { () throws(MetricLearnError) in
            try table.fit(configuration, standardizing: input.standardize, startingFrom: model,
                          progress: progress.callback)
        }
        progress.finish()
        for warning in fit.warnings.dropFirst(table.warnings.count) {
            StandardError.warn(Describe.warning(warning, file: input.path))
        }
        try finish(name: configuration.name, model: { () throws(MetricLearnError) in try fit.modelFile() },
                   metric: fit.metric, preprocessor: fit.tablePreprocessor, raw: table.contents.rawTable,
                   shape: (fit.trainingFeatures.sampleCount, fit.trainingFeatures.featureCount))
    }

    /// Learns from the pairs or triplets in `path`, which name rows of the input by number or by
    /// `identifierColumn`; a fit on pairs calibrates its threshold on them with `calibration` (nil: none).
    func run(_ configuration: LearnerConfiguration, constraintsFile path: String, kind: SupervisionKind,
             identifierColumn: String?, calibration: CalibrationStrategy?) throws(CommandFailure) {
        let table = try unlabelledTable(reading: input.columns.reading(label: input.label, task: .classification),
                                        identifierColumn: identifierColumn)
        let (supervision, summary) = try withFile(path, .input) { () throws(MetricLearnError) in
            if kind == .pairs {
                let list = try PairList(csvFile: path, rows: table.rows)
                let constraints = try list.constraints()
                return (Supervision.pairs(constraints), "pairs: \(list.entries.count) from \(path) "
                            + "(\(constraints.similar.count) similar, \(constraints.dissimilar.count) dissimilar)")
            }
            let list = try TripletList(csvFile: path, rows: table.rows)
            return (Supervision.triplets(list.constraints), "triplets: \(list.entries.count) from \(path)")
        }
        try run(configuration, on: table, supervision: supervision, summary: summary, calibration: calibration)
    }

    /// Learns from the chunklets of the input's chunk column `column` (rows sharing a chunk number ≥ 0), which is
    /// not a feature.
    func run(_ configuration: LearnerConfiguration, chunkColumn column: String) throws(CommandFailure) {
        let reading = try withFile(nil, .input, options: ["featureColumns": "features"]) {
            () throws(MetricLearnError) in
            var reading = input.columns.reading(label: input.label, task: .classification)
            reading.featureColumns = try reading.featureColumns.excluding(column, as: "the chunk column")
            return reading
        }
        let table = try unlabelledTable(reading: reading, identifierColumn: nil)
        let chunklets = try withFile(input.path, .input) { () throws(MetricLearnError) in
            try Chunklets(csvFile: input.path, column: column)
        }
        try run(configuration, on: table, supervision: .chunklets(chunklets),
                summary: "chunklets: \(chunklets.groups.count) (\(chunklets.sampleCount) rows) from column '\(column)'",
                calibration: nil)
    }

    /// The input read without labels as `reading` says, its warnings printed on stderr.
    private func unlabelledTable(reading: TableReading, identifierColumn: String?) throws(CommandFailure)
        -> UnlabelledTable {
        let table = try withFile(input.path, .input) { () throws(MetricLearnError) in
            try UnlabelledTable(csvFile: input.path, reading: reading, identifierColumn: identifierColumn)
        }
        for warning in table.warnings { StandardError.warn(Describe.warning(warning, file: input.path)) }
        return table
    }

    /// Learns from `supervision` of `table`'s rows (`summary` describes it in the output), calibrating a pair
    /// threshold with `calibration`.
    private func run(_ configuration: LearnerConfiguration, on table: UnlabelledTable, supervision: Supervision,
                     summary: String, calibration: CalibrationStrategy?) throws(CommandFailure) {
        let model = try startingModel()
        let progress = ProgressLine(learner: configuration.name, isRequested: output.progress)
        let fit = try fitting { () throws(MetricLearnError) in
            try table.fit(configuration, supervision: supervision, standardizing: input.standardize,
                          calibration: calibration, startingFrom: model, progress: progress.callback)
        }
        progress.finish()
        for warning in fit.warnings.dropFirst(table.warnings.count) {
            StandardError.warn(Describe.warning(warning, file: input.path))
        }
        var raw: RawTable?
        if case let .raw(rawTable, _) = table.contents { raw = rawTable }
        try finish(name: configuration.name, model: { () throws(MetricLearnError) in try fit.modelFile() },
                   metric: fit.metric, preprocessor: fit.tablePreprocessor, raw: raw,
                   shape: (fit.trainingFeatures.sampleCount, fit.trainingFeatures.featureCount),
                   extraLines: [summary] + (fit.pairThreshold.map { ["threshold: \(Describe.threshold($0))"] } ?? []))
    }

    /// The model file of `--warm-start`, or nil.
    private func startingModel() throws(CommandFailure) -> ModelFile? {
        guard let path = input.warmStart else { return nil }
        return try withFile(path, .input) { () throws(MetricLearnError) in try ModelFile(contentsOfFile: path) }
    }

    /// Runs a fit, naming the `--warm-start` file in an error about the model it starts from, the input otherwise.
    private func fitting<Fit>(_ body: () throws(MetricLearnError) -> Fit) throws(CommandFailure) -> Fit {
        do {
            return try body()
        } catch {
            if case let .invalidData(what, _, _) = error, what == ModelFile.startingModelName, let path = input.warmStart {
                throw CommandFailure(error, path: path, role: .input)
            }
            throw CommandFailure(error, path: input.path, role: .input)
        }
    }

    /// Writes the model, then prints what every fit prints: the preprocessing, the standardisation, the learner's
    /// summary, `extraLines`, the column weights and the file written; warns when the solver did not converge.
    private func finish(name: String, model: () throws(MetricLearnError) -> ModelFile, metric: MahalanobisMetric,
                        preprocessor: TablePreprocessor?, raw: RawTable?, shape: (samples: Int, features: Int),
                        extraLines: [String] = []) throws(CommandFailure) {
        try withFile(output.path, .output) { () throws(MetricLearnError) in try model().write(toFile: output.path) }
        let report = metric.report
        if let preprocessor, let raw {
            print("preprocessing: \(Describe.preprocessing(preprocessor, of: raw))")
        }
        if input.standardize { print("standardization: \(Describe.standardization)") }
        if let path = input.warmStart { print("warm start: from \(path)") }
        print("\(name): \(shape.samples) samples × \(shape.features) features → "
              + "\(metric.outputDimension) component\(metric.outputDimension == 1 ? "" : "s"), "
              + "\(Describe.fit(report))")
        for line in extraLines { print(line) }
        if let ranking = report.ranking { print("ranking: \(Describe.ranking(ranking))") }
        if let preprocessor, let weights = metric.featureWeights, let columns = try? preprocessor.columnWeights(weights) {
            print("column weights: \(Describe.columnWeights(columns))")
        }
        print("wrote \(output.path)")
        if !report.didConverge { StandardError.warn(Describe.nonConvergence(of: name, report: report)) }
    }
}
