import Foundation
import Testing

/// SIGINT, SIGTERM and SIGHUP end the tool with 128 + the signal's number (SIGBUS with 74), one line on stderr, the
/// output as it was and no temporary file beside it — whether the signal comes while an output is being written or
/// during a fit.
@Suite(.serialized) struct SignalCLITests {
    static let sentinel = "an earlier output that must survive\n"

    /// 300 000 iris-like rows: a transform writes about 25 MB, long enough to be caught writing.
    static let largeInput: String = {
        let rows = (0..<300_000).map { i in "\(4 + i % 40 / 10).\(i % 10),\(2 + i % 3).\(i % 7),\(1 + i % 6).\(i % 9),0.\(i % 5)" }
        return "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n" + rows.joined(separator: "\n") + "\n"
    }()

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalWhileWritingRemovesTheTemporaryFile(_ signal: Int32) throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            try workspace.write(Self.largeInput, to: "large.csv")
            var caught = false
            for _ in 0..<20 where !caught {
                try workspace.write(Self.sentinel, to: "z.csv")
                let process = try workspace.start("transform --metric m.json --input large.csv --output z.csv")
                // Wait for the temporary file, stop the process, and signal it only if the file is still there.
                while try process.process.isRunning && !workspace.hasTemporaryFile() { usleep(200) }
                if process.process.isRunning {
                    kill(process.process.processIdentifier, SIGSTOP)
                    caught = try workspace.hasTemporaryFile()
                    if caught { kill(process.process.processIdentifier, signal) }
                    kill(process.process.processIdentifier, SIGCONT)
                }
                let result = process.finish()
                #expect(try !workspace.hasTemporaryFile(), "no temporary file left")
                if caught {
                    #expect(result.status == 128 + signal)
                    #expect(result.stderr == "metric-learn: interrupted\n")
                    #expect(try workspace.read("z.csv") == Self.sentinel)
                } else {
                    #expect(result.status == 0)
                }
            }
            #expect(caught, "the signal never arrived while the output was being written")
        }
    }

    /// SIGINT ends a fit with 130; SIGBUS (what a mapped input truncated during its read raises) with 74 and a line
    /// that says so: no output, no temporary file, no core dump either way.
    @Test(arguments: [(SIGINT, Int32(130), "metric-learn: interrupted\n"),
                      (SIGBUS, Int32(74), "metric-learn: bus error: an input file changed size while it was being read\n")])
    func aSignalDuringAFitLeavesNoOutput(_ signal: Int32, status: Int32, message: String) throws {
        try Workspace.with { workspace in
            try workspace.write(Self.sentinel, to: "m.json")
            // 3 000 rows (the last column is the label): NCA takes many iterations of a good fraction of a second.
            try workspace.write(Self.largeInput.split(separator: "\n").prefix(3_001).joined(separator: "\n"), to: "medium.csv")
            let process = try workspace.start("fit nca --input medium.csv --tolerance 0 --progress --output m.json")
            var progress = ""
            while process.process.isRunning && !progress.contains("iteration") {
                progress += String(decoding: process.errors.fileHandleForReading.availableData, as: UTF8.self)
            }
            kill(process.process.processIdentifier, signal)
            let result = process.finish()
            #expect(result.status == status)
            #expect(result.stderr.hasSuffix(message))
            #expect(try workspace.read("m.json") == Self.sentinel)
            #expect(try !workspace.hasTemporaryFile())
        }
    }
}

/// A `metric-learn` process started in a workspace, its stderr piped.
struct RunningCommand {
    let process: Process
    let errors: Pipe

    /// Waits for the process and collects what it did (stdout is discarded).
    func finish() -> CLI.Result {
        let rest = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: "", stderr: rest)
    }
}

extension Workspace {
    /// Starts `metric-learn commandLine` in the workspace without waiting for it.
    func start(_ commandLine: String) throws -> RunningCommand {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = commandLine.split(separator: " ").map(String.init)
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningCommand(process: process, errors: errors)
    }

    /// Whether a temporary file of an output (`.NAME.UUID.tmp`) is in the workspace.
    func hasTemporaryFile() throws -> Bool {
        try fileNames().contains { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }
}
