import Foundation

/// Runs a program to completion with its output captured in files (no pipes, so no deadlock on full buffers).
enum ProcessRunner {
    /// What a finished program left behind.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `executable` with `arguments` in `workingDirectory`, with `environment` added to ours.
    ///
    /// - Throws: when the program cannot start or runs longer than `timeout` (it is then terminated).
    static func run(_ executable: URL, arguments: [String] = [], in workingDirectory: URL,
                    environment: [String: String] = [:], timeout: Duration = .seconds(600)) throws -> Result {
        let fileManager = FileManager.default
        let captureDirectory = fileManager.temporaryDirectory
            .appendingPathComponent("render-docs-output-\(ProcessInfo.processInfo.globallyUniqueString)")
        try fileManager.createDirectory(at: captureDirectory, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: captureDirectory) }
        let stdoutURL = captureDirectory.appendingPathComponent("stdout")
        let stderrURL = captureDirectory.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        try process.run()

        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                process.waitUntilExit()
                throw RenderError("\(executable.lastPathComponent) did not finish within \(timeout)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }

    /// Runs `executable` in a fresh empty temporary directory, removed afterwards.
    static func runInScratchDirectory(_ executable: URL, environment: [String: String] = [:],
                                      timeout: Duration = .seconds(600)) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("render-docs-run-\(ProcessInfo.processInfo.globallyUniqueString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try run(executable, in: directory, environment: environment, timeout: timeout)
    }
}
