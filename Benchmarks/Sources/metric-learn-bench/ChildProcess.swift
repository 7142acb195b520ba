import Foundation

/// Runs one case in a fresh copy of this executable (`--case NAME`), so that its peak RSS is its own
/// and the environment (OPENBLAS_NUM_THREADS) is set before OpenBLAS starts. The child writes its
/// `CaseResult` as JSON on stdout; its stderr is passed through.
struct ChildProcessRunner {
    /// Arguments every child gets after `--case NAME` (scale, repeats, budget).
    let forwardedArguments: [String]
    /// Overrides for the child's environment.
    let environment: [String: String]

    func run(caseNamed name: String) throws -> CaseResult {
        try JSONDecoder().decode(CaseResult.self, from: Self.output(of: ["--case", name] + forwardedArguments,
                                                                   environment: environment, name: name))
    }

    /// The stdout of this executable run with `arguments` (and `environment` over the current one); `name` names
    /// the run when it fails.
    static func output(of arguments: [String], environment: [String: String] = [:], name: String) throws -> Data {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let reason = process.terminationReason == .uncaughtSignal ? "killed by signal" : "exit status"
            throw BenchmarkError.childFailed(name: name, reason: "\(reason) \(process.terminationStatus)")
        }
        return data
    }

    /// This executable (`/proc/self/exe` on Linux).
    static var executableURL: URL {
        #if os(Linux)
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        #endif
    }
}
