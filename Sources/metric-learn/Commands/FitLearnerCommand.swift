import ArgumentParser
import MetricLearn

/// `metric-learn fit <learner>` for one registered learner: its name, abstract and discussion from the
/// registration, its supervision options (`--pairs`, `--triplets`, `--chunk-column`, as it learns from them) and
/// its options from the parameter table, between the input and the output options every fit has.
struct FitLearnerCommand<Learner: MetricLearner>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let registration = Learner.registration
        return CommandConfiguration(commandName: registration.name, abstract: registration.summary,
                                    discussion: registration.discussion)
    }

    @OptionGroup var input: FitInputOptions

    @OptionGroup var supervision: SupervisionOptions<Learner>

    @OptionGroup var parameters: LearnerParameterOptions<Learner>

    @OptionGroup var output: FitOutputOptions

    func validate() throws {
        if input.warmStart != nil, !Learner.registration.canWarmStart {
            throw ValidationError("--warm-start: \(Learner.registration.name) cannot continue from a model; the learners "
                                  + "that can are \(FitInputOptions.warmStartLearners)")
        }
        if let file = supervision.file, LabelsFileOption.isNPY(input.path) {
            throw ValidationError("--\(file.kind == .pairs ? "pairs" : "triplets") needs a CSV --input (rows named by "
                                  + "number or --id-column); a .npy --input learns from --labels")
        }
        if supervision.chunkColumn != nil, LabelsFileOption.isNPY(input.path) {
            throw ValidationError("--chunk-column needs a CSV --input (a column of it names the chunklets); a .npy "
                                  + "--input learns from --labels")
        }
        try input.labels.validate(training: input.path, option: "--input", label: input.label, columns: input.columns)
        if let file = supervision.file, input.label.name != nil {
            throw ValidationError("--label-column applies when learning from labels; with --\(file.kind == .pairs ? "pairs" : "triplets") "
                                  + "every column but --id-column is a feature")
        }
        if supervision.chunkColumn != nil, input.label.name != nil {
            throw ValidationError("--label-column applies when learning from labels; with --chunk-column every column "
                                  + "but the chunk column is a feature")
        }
    }

    func run() throws(CommandFailure) {
        let configuration = try parameters.configuration(seed: input.seed)
        let fit = LearnerFit(input: input, output: output)
        if let file = supervision.file {
            try fit.run(configuration, constraintsFile: file.path, kind: file.kind, identifierColumn: supervision.idColumn,
                        calibration: supervision.calibrationStrategy)
        } else if let chunkColumn = supervision.chunkColumn {
            try fit.run(configuration, chunkColumn: chunkColumn)
        } else {
            try fit.run(configuration)
        }
    }
}

extension FitLearnerCommand: FileCommand {
    var inputFiles: [FileOperand] {
        let constraints = supervision.file.map { file in
            [FileOperand(option: file.kind == .pairs ? "--pairs" : "--triplets", path: file.path)]
        }
        return [FileOperand(option: "--input", path: input.path)] + (constraints ?? [])
            + (input.labels.labels.map { [FileOperand(option: "--labels", path: $0)] } ?? [])
            + (input.warmStart.map { [FileOperand(option: "--warm-start", path: $0)] } ?? [])
    }
    var outputFiles: [FileOperand] { [FileOperand(option: "--output", path: output.path)] }
}

extension MetricLearner {
    /// `fit <name>` for this learner.
    static var fitCommand: any ParsableCommand.Type { FitLearnerCommand<Self>.self }
}
