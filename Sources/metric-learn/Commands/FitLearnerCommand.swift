import ArgumentParser
import MetricLearn

/// `metric-learn fit <learner>` for one registered learner: its name, abstract and discussion from the
/// registration, its options from the parameter table, between the input and the output options every fit has.
struct FitLearnerCommand<Learner: MetricLearner>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let registration = Learner.registration
        return CommandConfiguration(commandName: registration.name, abstract: registration.summary,
                                    discussion: registration.discussion)
    }

    @OptionGroup var input: FitInputOptions

    @OptionGroup var parameters: LearnerParameterOptions<Learner>

    @OptionGroup var output: FitOutputOptions

    func run() throws(CommandFailure) {
        try LearnerFit(input: input, output: output).run(try parameters.configuration(seed: input.seed))
    }
}

extension FitLearnerCommand: FileCommand {
    var inputFiles: [FileOperand] { [FileOperand(option: "--input", path: input.path)] }
    var outputFiles: [FileOperand] { [FileOperand(option: "--output", path: output.path)] }
}

extension MetricLearner {
    /// `fit <name>` for this learner.
    static var fitCommand: any ParsableCommand.Type { FitLearnerCommand<Self>.self }
}
