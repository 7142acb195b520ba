import Foundation
import MetricLearn
import Testing

/// `--help` of every command, compared with the text in `Snapshots/` (80 columns). Help is part of
/// the contract: option names and defaults appear there. To re-record after an intended change, run
/// with `METRIC_LEARN_RECORD_SNAPSHOTS=1` and review the diff.
@Suite struct HelpSnapshotTests {
    /// Every command, with one `fit` subcommand per registered learner (a new learner without a snapshot fails).
    static let commands: [[String]] = [[], ["demo"], ["fit"]] + LearnerRegistry.all.map { ["fit", $0.name] }
        + [["transform"], ["predict"], ["evaluate"], ["pairs"], ["evaluate-pairs"], ["info"], ["index"], ["index", "build"],
           ["index", "check"]]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test(arguments: commands)
    func helpMatchesTheSnapshot(command: [String]) throws {
        let result = try CLI.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let name = (["metric-learn"] + command).joined(separator: "-") + ".txt"
        let snapshot = Self.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["METRIC_LEARN_RECORD_SNAPSHOTS"] == "1" {
            try Data(result.stdout.utf8).write(to: snapshot)
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(result.stdout == expected, "help of '\(command.joined(separator: " "))' differs from \(name)")
    }

    @Test func versionIsTheLibraryVersion() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}
