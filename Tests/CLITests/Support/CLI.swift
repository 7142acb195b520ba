import Foundation

/// Runs the built `metric-learn` binary, as a user would, and captures what it did.
///
/// The binary is found next to the test bundle (SwiftPM builds every product into the same
/// directory), falling back to `.build/debug` under the package root.
enum CLI {
    /// What one run of the binary did.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let executable: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ].compactMap { $0?.appendingPathComponent("metric-learn") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }()

    /// Runs `metric-learn arguments…` in `directory` with a fixed terminal width (so help text is
    /// stable), stdin, stdout and stderr not terminals, `environment` added to the environment and the variables
    /// `unsetting` removed from it.
    ///
    /// With `processors` (a `taskset -c` list such as "0"), the binary runs confined to those processors.
    static func run(_ arguments: [String], in directory: URL? = nil, environment overrides: [String: String] = [:],
                    unsetting removed: [String] = [], processors: String? = nil) throws -> Result {
        let process = Process()
        if let processors {
            process.executableURL = URL(fileURLWithPath: taskset)
            process.arguments = ["-c", processors, executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment.merge(overrides) { $1 }
        for name in removed { environment[name] = nil }
        process.environment = environment
        // Files rather than pipes: nothing can block, and stdout/stderr are not terminals.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("metric-learn-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outputURL = capture.appendingPathComponent("stdout"), errorURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorURL)
        defer { try? output.close(); try? errors.close() }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// util-linux's `taskset`, which confines a process to given processors.
    static let taskset = "/usr/bin/taskset"

    /// Runs the binary with a shell-like command line (words split on spaces).
    static func run(_ commandLine: String, in directory: URL? = nil) throws -> Result {
        try run(commandLine.split(separator: " ").map(String.init), in: directory)
    }
}
