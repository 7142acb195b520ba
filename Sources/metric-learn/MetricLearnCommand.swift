import ArgumentParser
import Foundation
import MetricLearn

/// `metric-learn`: the root command. Its `main` turns every failure into one line on stderr,
/// `metric-learn: <what went wrong>`, and a sysexits(3) status (see `CommandFailure`).
@main
struct MetricLearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric-learn",
        abstract: "Learn Mahalanobis metrics on tabular data and classify with k-nearest neighbours.",
        discussion: """
            Data files are CSV with a header row. The label column is the one named 'label' if there \
            is one, otherwise the last column (change it with --label-column).

            Exit status: 0 success, 64 bad usage, 65 bad data or model file, 66 missing or unreadable \
            input, 70 internal error, 73 output cannot be created or written, 74 standard output cannot be \
            written, 129/130/143 ended by SIGHUP/SIGINT/SIGTERM (no output is left half-written).
            """,
        version: MetricLearnVersion.current,
        subcommands: [DemoCommand.self, FitCommand.self, TransformCommand.self, PredictCommand.self, EvaluateCommand.self,
                      PairsCommand.self, EvaluatePairsCommand.self, InfoCommand.self, IndexCommand.self]
    )

    static func main() {
        BLASKernels.relaunchIfKernelsAreGeneric()
        StandardOutput.reserveDescriptors()
        Interruption.install()
        do {
            let arguments = NegativeNumberArguments.attached(Array(CommandLine.arguments.dropFirst()))
            try checkHelpTopic(in: arguments)
            try FitCommand.checkLearnerName(in: arguments)
            var command = try parseAsRoot(arguments)
            try (command as? FileCommand)?.checkFileOperands()
            try command.run()
            try StandardOutput.flush()
        } catch let failure as CommandFailure {
            StandardError.report(failure.message)
            exit(withError: failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {                                    // --help, --version
                let text = fullMessage(for: error)
                if !text.isEmpty { print(text) }
                do { try StandardOutput.flush() } catch {
                    StandardError.report(error.message)
                    exit(withError: error.exitCode)
                }
                exit(withError: ExitCode.success)
            }
            if code == .validationFailure {
                StandardError.report("\(oneLine(message(for: error)))\(helpHint(for: error))")
                exit(withError: ExitCode.usage)
            }
            StandardError.report("internal error: \(error)")
            exit(withError: ExitCode.internalError)
        }
    }

    /// Throws a usage failure for `help` followed by words that name no command (`help bogus`), which the parser
    /// would answer with the main help and success.
    static func checkHelpTopic(in arguments: [String]) throws(CommandFailure) {
        guard arguments.first == "help", let problem = unknownHelpTopic(arguments.dropFirst().filter { !$0.hasPrefix("-") })
        else { return }
        throw CommandFailure(message: "help: \(problem)", exitCode: .usage)
    }

    /// Why `words` name no command path below the root (`unknown command 'bogus'; the commands are …`), or nil.
    private static func unknownHelpTopic(_ words: [String]) -> String? {
        var subcommands = configuration.subcommands
        for word in words {
            guard let next = subcommands.first(where: { $0.configuration.commandName == word }) else {
                let names = subcommands.compactMap { $0.configuration.commandName }
                return "unknown command '\(word)'; "
                    + (names.isEmpty ? "it has no subcommands" : "the commands are \(names.joined(separator: ", "))")
            }
            subcommands = next.configuration.subcommands
        }
        return nil
    }

    /// The parser's message on one line: a list of choices (`one of the following:` then `- value`
    /// lines) becomes `one of the following: a, b, c`.
    private static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first else { return message }
        let items = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        return items.isEmpty ? first : "\(first) \(items.joined(separator: ", "))"
    }

    /// ` (see 'metric-learn fit nca --help')` for the command that failed to parse.
    private static func helpHint(for error: any Error) -> String {
        let lines = fullMessage(for: error, columns: 10_000).split(separator: "\n")
        guard let see = lines.first(where: { $0.hasPrefix("  See '") }),
              let start = see.firstIndex(of: "'"), let end = see.lastIndex(of: "'"), start < end else { return "" }
        return " (see \(see[start...end]))"
    }
}
