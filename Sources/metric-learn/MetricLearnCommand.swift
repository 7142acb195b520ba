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
            input, 70 internal error, 73 output cannot be created.
            """,
        version: MetricLearnVersion.current,
        subcommands: [DemoCommand.self, FitCommand.self, TransformCommand.self, PredictCommand.self, EvaluateCommand.self,
                      InfoCommand.self, IndexCommand.self]
    )

    static func main() {
        do {
            try FitCommand.checkLearnerName(in: Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            StandardError.report(failure.message)
            exit(withError: failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }          // --help, --version
            if code == .validationFailure {
                StandardError.report("\(oneLine(message(for: error)))\(helpHint(for: error))")
                exit(withError: ExitCode.usage)
            }
            StandardError.report("internal error: \(error)")
            exit(withError: ExitCode.internalError)
        }
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
