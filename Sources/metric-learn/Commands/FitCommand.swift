import ArgumentParser
import MetricLearn

/// `metric-learn fit <learner>`: one subcommand per registered learner, each exposing that learner's parameters.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Learn a metric from labelled data, pairs or triplets and write it as a model file (JSON).",
        subcommands: LearnerRegistry.all.map { $0.learnerType.fitCommand }
    )
}

extension FitCommand {
    /// Throws a usage failure naming the learners when `arguments` is `fit` alone or `fit <word>`
    /// where the word is neither a learner nor an option (the parser alone would print help or say
    /// "unexpected argument").
    static func checkLearnerName(in arguments: [String]) throws(CommandFailure) {
        guard arguments.first == configuration.commandName else { return }
        let learners = configuration.subcommands.compactMap { $0.configuration.commandName }
        let choices = "the learners are \(learners.joined(separator: ", ")) (see 'metric-learn fit --help')"
        guard arguments.count >= 2 else {
            throw CommandFailure(message: "fit: missing learner; \(choices)", exitCode: .usage)
        }
        let word = arguments[1]
        guard !word.hasPrefix("-"), word != "help", !learners.contains(word) else { return }
        throw CommandFailure(message: "fit: unknown learner '\(word)'; \(choices)", exitCode: .usage)
    }
}
