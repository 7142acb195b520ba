import ArgumentParser
import Foundation
import MetricLearn

/// Times MetricLearn's learners and kernels; see Docs/Performance.md.
@main
struct MetricLearnBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric-learn-bench",
        abstract: "Time MetricLearn's learners (fit, transform, k-NN prediction) and BLAS kernels.",
        discussion: """
            Build with `swift build -c release --product metric-learn-bench` (or `make bench`). Each case runs \
            in a fresh child process so its peak RSS is its own. OpenBLAS threads come from \
            OPENBLAS_NUM_THREADS (or --threads). `metric-learn-bench scale` is `make bench-scale`.
            """,
        subcommands: [ScaleBench.self]
    )

    @Flag(help: "Small sizes and few runs (finishes in under a minute).")
    var quick = false

    @Option(name: .long, parsing: .singleValue,
            help: "Run only cases whose name contains this text (repeatable), e.g. --filter whitening.")
    var filter: [String] = []

    @Option(help: "Timed runs per case (default 3 quick, 7 full).")
    var repeats: Int?

    @Option(help: "Seconds a case may spend on repeats after its minimum of 3 runs (default 1 quick, 20 full).")
    var budget: Double?

    @Option(help: "Write the whole report as JSON to this path.")
    var json: String?

    @Option(help: "Set OPENBLAS_NUM_THREADS for the cases (default: inherit the environment).")
    var threads: Int?

    @Flag(help: "Run every case in this process (for profilers; peak RSS is then cumulative).")
    var inProcess = false

    @Flag(help: "List the case names and exit.")
    var list = false

    @Option(name: .customLong("case"), help: ArgumentHelp("Run one case and print its result as JSON.", visibility: .hidden))
    var caseName: String?

    @Option(name: .customLong("read-csv"),
            help: ArgumentHelp("Only read this labelled CSV file as `metric-learn fit` does and print the seconds as JSON "
                               + "(`make bench-csv`).", valueName: "file.csv"))
    var readCSV: String?

    var scale: Scale { quick ? .quick : .full }

    var policy: MeasurementPolicy {
        MeasurementPolicy(repeats: repeats ?? scale.defaultRepeats, timeBudget: budget ?? scale.timeBudget)
    }

    func validate() throws {
        if let repeats, repeats < 1 { throw ValidationError("--repeats must be at least 1") }
        if let budget, !(budget >= 0) { throw ValidationError("--budget must be a non-negative number of seconds") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if threads != nil && inProcess {
            throw ValidationError("--threads needs child processes (OpenBLAS reads it at start): drop --in-process")
        }
    }

    /// Relaunches with OpenBLAS's fast kernels when it chose generic ones (`BLASKernels`), then runs.
    static func main() {
        BLASKernels.relaunchIfKernelsAreGeneric()
        main(nil)
    }

    func run() throws {
        if let readCSV {
            FileHandle.standardOutput.write(try JSONEncoder().encode(try CSVReading.measure(path: readCSV)))
            return
        }
        let all = BenchmarkRegistry.cases(scale: scale)
        if let caseName {
            guard let chosen = all.first(where: { $0.name == caseName }) else { throw BenchmarkError.unknownCase(caseName) }
            let result = try chosen.measure(policy: policy)
            FileHandle.standardOutput.write(try JSONEncoder().encode(result))
            return
        }
        let selected = select(from: all)
        if list {
            print(selected.map(\.name).joined(separator: "\n"))
            return
        }
        guard !selected.isEmpty else { throw BenchmarkError.badOption("no case matches --filter \(filter.joined(separator: ", "))") }

        let openBLASThreads = threads.map(String.init) ?? ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"]
        let runner = ChildProcessRunner(forwardedArguments: forwardedArguments,
                                        environment: threads.map { ["OPENBLAS_NUM_THREADS": String($0)] } ?? [:])
        var results: [CaseResult] = []
        var failures: [String: String] = [:]
        for (index, benchmark) in selected.enumerated() {
            Self.progress("[\(index + 1)/\(selected.count)] \(benchmark.name)")
            do {
                results.append(inProcess ? try benchmark.measure(policy: policy) : try runner.run(caseNamed: benchmark.name))
            } catch {
                failures[benchmark.name] = "\(error)"
                Self.progress("  failed: \(error)")
            }
        }
        let report = BenchmarkReport(machine: .current(openBLASThreads: openBLASThreads), scale: scale, policy: policy,
                                     isolatedCases: !inProcess, results: results, failures: failures)
        // Unbuffered, so the table never interleaves with the progress lines on stderr.
        FileHandle.standardOutput.write(Data((report.table + "\n").utf8))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
            Self.progress("wrote \(json)")
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }

    /// The filtered cases, always with the dgemm cases first: they are the peak every efficiency figure uses.
    private func select(from all: [BenchmarkCase]) -> [BenchmarkCase] {
        guard !filter.isEmpty else { return all }
        let matching = all.filter { benchmark in filter.contains { benchmark.name.contains($0) } }
        let peak = all.filter { $0.group == "blas" && !matching.map(\.name).contains($0.name) }
        return peak + matching
    }

    /// What a child needs to rebuild the same registry and policy.
    private var forwardedArguments: [String] {
        var arguments = quick ? ["--quick"] : []
        arguments += ["--repeats", String(policy.repeats), "--budget", String(policy.timeBudget)]
        return arguments
    }

    private static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
