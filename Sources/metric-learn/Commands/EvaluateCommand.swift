import ArgumentParser
import MetricLearn

/// `metric-learn evaluate --input FILE.csv --learner L [--learner L2 …] [--neighbors 3] [--folds 5] [--seed 0]
/// [--folds-file FILE] [--feature-weights-method nca|relieff] [--no-standardize] [--json]`.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Cross-validate learners (k-nearest neighbours in each learned metric) and compare them.",
        discussion: """
            Stratified k-fold cross-validation (or over the folds of --folds-file): in each fold the scaler \
            (unless --no-standardize), the learner (with its default parameters) and the classifier are \
            fitted on the training part only and scored on the rest. 'euclidean' learns nothing: it is the \
            baseline. The table shows the accuracy (mean ± standard deviation over the folds), the balanced \
            accuracy, the median fit time and iterations, and how many folds converged; --json prints only a \
            JSON array instead, one object per learner. With --task regression the label column holds numeric \
            targets, the folds are shuffled k-fold, the neighbours' mean predicts, and the table shows R² (mean \
            ± standard deviation), RMSE and MAE; it takes 'euclidean' and the learners of regression targets.
            """
    )

    @Option(name: .customLong("input"), help: ArgumentHelp("The labelled data: a CSV file with a header row.",
                                                           valueName: "file.csv"))
    var path: String

    @OptionGroup var labels: LabelsFileOption

    @OptionGroup var label: LabelColumnOption

    @Option(name: .customLong("learner"), help: "A learner to evaluate; repeat the option to compare several.")
    var learners: [LearnerName]

    @Option(help: ArgumentHelp("classification: the label column holds classes, scored by accuracy; regression: "
                               + "numeric targets, scored by R², RMSE and MAE.", valueName: "task"))
    var task: LearningTask = .classification

    @Option(help: "The number of nearest training samples that vote.")
    var neighbors = EvaluationSettings().neighbors

    @Option(help: "The number of folds. (default: \(EvaluationSettings().folds))")
    var folds: Int?

    @OptionGroup var foldsFile: FoldsFileOption

    @Option(help: "Seed of the folds and of every learner's random choices.")
    var seed = EvaluationSettings().seed

    @Option(help: ArgumentHelp(
        "How --learner feature-weights learns its weights, with that method's defaults (as 'fit feature-weights "
            + "--method'). (default: nca)", valueName: "method"))
    var featureWeightsMethod: ParameterArgument<FeatureReweighting.MethodName>?

    @Flag(name: .customLong("no-standardize"), help: "Use the features as they are (default: standardise in each fold).")
    var keepsScale = false

    @Flag(help: "Print only a JSON array, one object per learner.")
    var json = false

    @OptionGroup var columns: ColumnOptions

    func validate() throws {
        try labels.validate(training: path, option: "--input", label: label, columns: columns)
        if folds != nil && foldsFile.path != nil { throw ValidationError("--folds and --folds-file cannot be combined") }
        if let repeated = learners.first(where: { learner in learners.filter { $0 == learner }.count > 1 }) {
            throw ValidationError("--learner \(repeated.rawValue) is given more than once")
        }
        if let other = learners.first(where: { !$0.serves(task) }) {
            let choices = LearnerName.choices(for: task).map(\.rawValue).joined(separator: ", ")
            throw ValidationError(task == .classification
                ? "--learner \(other.rawValue) learns from regression targets, not class labels: add --task regression"
                : "--learner \(other.rawValue) cannot learn from regression targets; --task regression takes \(choices)")
        }
        if featureWeightsMethod != nil && !learners.contains(where: { $0.rawValue == FeatureReweighting.registration.name }) {
            throw ValidationError("--feature-weights-method applies to --learner feature-weights only")
        }
    }

    func run() throws(CommandFailure) {
        let data = try columns.trainingTable(at: path, labels: labels, label: label, task: task)
        let splits = try foldsFile.folds(sampleCount: data.sampleCount)
        let settings = EvaluationSettings(folds: splits?.count ?? folds ?? EvaluationSettings().folds, splits: splits,
                                          neighbors: neighbors, standardizes: !keepsScale, seed: seed,
                                          learnerSettings: featureWeightsMethod.map {
                                              [FeatureReweighting.registration.name: ["method": $0.value]]
                                          } ?? [:])
        let comparison = LearnerComparison(data: data, path: path, settings: settings)
        switch task {
        case .classification: try report(try comparison.run(learners, as: LearnerEvaluation.self), data, settings)
        case .regression: try report(try comparison.run(learners, as: RegressionEvaluation.self), data, settings)
        }
    }

    /// Prints `evaluations` as JSON, or a line saying what was done and the table.
    private func report<Evaluation: ComparedEvaluation>(_ evaluations: [Evaluation], _ data: TrainingTable,
                                                        _ settings: EvaluationSettings) throws(CommandFailure) {
        guard !json else {
            print(try LearnerComparison.json(evaluations))
            return
        }
        let kind = task == .classification ? "stratified cross-validation" : "cross-validation"
        let folds = foldsFile.path.map { "cross-validation over the \(settings.folds) folds in \($0)" }
            ?? "\(settings.folds)-fold \(kind)"
        let (model, labels) = task == .classification
            ? ("\(settings.neighbors)-nearest neighbours", ", \(data.classCount) classes")
            : ("\(settings.neighbors)-nearest-neighbour regression", "")
        let preprocessed = data.tablePreprocessing.map { "\(Describe.preprocessing($0)) in each fold, " } ?? ""
        print("\(folds) of \(model) on \(path) (\(data.sampleCount) samples, \(Describe.shape(of: data))\(labels)), "
              + "\(preprocessed)\(settings.standardizes ? "standardised in each fold" : "not standardised"), seed \(settings.seed)"
              + (featureWeightsMethod.map { ", feature-weights by \($0.value.parameterText)" } ?? ""))
        print()
        print(Evaluation.table(evaluations), terminator: "")
    }
}

extension LearningTask: ExpressibleByArgument, KebabCaseArgument {}
