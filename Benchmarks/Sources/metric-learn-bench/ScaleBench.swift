import ArgumentParser
import Foundation
import MetricLearn

/// `make bench-scale` (issue 17): the stochastic solvers from 10⁴ to 10⁶ rows of `HardTable` (10 classes, 10
/// informative and 40 larger noise features). Each (learner, n) runs in a fresh child process: it generates the
/// standardised table, fits, reads its peak RSS, then classifies 10⁴ held-out rows by 3-NN over all n training rows
/// in the learned space. The parent prints one row per run and, per learner, the exponent of fit time against n.
struct ScaleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Fit NCA, LMNN, feature weights and MLKR on 10⁴–10⁶ seeded rows × 50: time, peak RSS, 3-NN accuracy.")

    @Option(parsing: .upToNextOption, help: "Training rows.")
    var sizes: [Int] = [10_000, 100_000]

    @Option(parsing: .upToNextOption, help: "Learners: nca, lmnn, feature-weights, mlkr, euclidean (no fit).")
    var learners: [String] = ["euclidean", "nca", "feature-weights"]

    @Option(help: "The learners' solver: auto, full-batch or stochastic.")
    var solver: String = "stochastic"

    @Option(help: "Samples per mini-batch (default: the learners' default).")
    var batchSize: Int?

    @Option(help: "Most epochs (default: the learners' default).")
    var epochs: Int?

    @Option(help: "Fit on this many of the first training rows only (full batch on a subsample); k-NN searches all.")
    var fitRows: Int?

    @Option(help: "Held-out test rows, classified by 3-NN over all training rows.")
    var testRows = 10_000

    @Option(help: "Write the runs as JSON to this path (not --json, which the parent command takes).")
    var output: String?

    @Option(name: .customLong("run"), help: ArgumentHelp("Run one learner:n in this process and print JSON.", visibility: .hidden))
    var single: String?

    /// One (learner, n) run.
    struct Run: Codable {
        let learner: String
        let sampleCount: Int
        let solver: String
        let epochs: Int
        let batches: Int
        let fitSeconds: Double
        let fitPeakBytes: Int
        let peakBytes: Int
        let accuracy: Double
    }

    func validate() throws {
        guard Solver(parameterText: solver) != nil else { throw ValidationError("--solver must be auto, full-batch or stochastic") }
        let known = ["nca", "lmnn", "feature-weights", "mlkr", "euclidean"]
        if let unknown = learners.first(where: { !known.contains($0) }) { throw ValidationError("unknown learner \(unknown)") }
    }

    func run() throws {
        if let single {
            let parts = single.split(separator: ":")
            guard parts.count == 2, let n = Int(parts[1]) else { throw ValidationError("--run learner:n") }
            FileHandle.standardOutput.write(try JSONEncoder().encode(try measure(String(parts[0]), sampleCount: n)))
            return
        }
        var runs: [Run] = []
        for learner in learners {
            for n in sizes {
                FileHandle.standardError.write(Data("\(learner) n=\(n) …\n".utf8))
                runs.append(try child(learner, sampleCount: n))
                print(Self.row(runs.last!))
            }
        }
        print("")
        for learner in learners where learner != "euclidean" {
            let mine = runs.filter { $0.learner == learner }
            if let fit = GrowthFit(sizes: mine.map { Double($0.sampleCount) }, times: mine.map(\.fitSeconds)) {
                print("\(learner): fit time ∝ n^\(String(format: "%.2f", fit.exponent)) over n = "
                      + mine.map { String($0.sampleCount) }.joined(separator: ", "))
            }
        }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
        print("load average: \(load?.joined(separator: " ") ?? "unknown")")
        if let output {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(runs).write(to: URL(fileURLWithPath: output))
        }
    }

    private static func row(_ run: Run) -> String {
        func mebibytes(_ bytes: Int) -> String { String(bytes / (1 << 20)) + " MiB" }
        return [run.learner.padding(toLength: 16, withPad: " ", startingAt: 0),
                "n=\(run.sampleCount)".padding(toLength: 10, withPad: " ", startingAt: 0),
                run.solver.padding(toLength: 11, withPad: " ", startingAt: 0),
                "epochs \(run.epochs)", "batches \(run.batches)",
                String(format: "fit %.1f s", run.fitSeconds), "fit peak RSS \(mebibytes(run.fitPeakBytes))",
                "peak RSS \(mebibytes(run.peakBytes))", String(format: "3-NN accuracy %.4f", run.accuracy)]
            .joined(separator: "  ")
    }

    /// Runs `--run learner:n` in a fresh copy of this executable.
    private func child(_ learner: String, sampleCount n: Int) throws -> Run {
        var arguments = ["scale", "--run", "\(learner):\(n)", "--solver", solver, "--test-rows", String(testRows)]
        if let batchSize { arguments += ["--batch-size", String(batchSize)] }
        if let epochs { arguments += ["--epochs", String(epochs)] }
        if let fitRows { arguments += ["--fit-rows", String(fitRows)] }
        return try JSONDecoder().decode(Run.self, from: ChildProcessRunner.output(of: arguments, name: "\(learner):\(n)"))
    }

    /// Generates, standardises, fits and evaluates one run in this process.
    private func measure(_ learner: String, sampleCount n: Int) throws -> Run {
        let (all, allLabels, test, testLabels) = try Self.standardizedTables(sampleCount: n, testRows: testRows)
        let fitted = min(fitRows ?? n, n)
        let (x, labels) = fitted == n ? (all, allLabels) : (all.rows(at: 0..<fitted), Array(allLabels.prefix(fitted)))
        let choice = Solver(parameterText: solver) ?? .stochastic
        let (size, count) = (batchSize ?? Solver.defaultBatchSize, epochs ?? Solver.defaultEpochs)
        let start = ContinuousClock.now
        let metric: MahalanobisMetric?
        switch learner {
        case "nca": metric = try NCA(solver: choice, batchSize: size, epochs: count).fit(x, labels: labels)
        case "lmnn": metric = try LMNN(solver: choice, batchSize: size, epochs: count).fit(x, labels: labels)
        case "feature-weights":
            metric = try FeatureReweighting(solver: choice, batchSize: size, epochs: count).fit(x, labels: labels)
        case "mlkr":
            metric = try MLKR(solver: choice, batchSize: size, epochs: count).fit(x, targets: labels.map(Double.init))
        default: metric = nil
        }
        let elapsed = ContinuousClock.now - start
        let fitPeak = ProcessUsage.peakResidentBytes() ?? 0
        let classifier = try KNearestNeighbors(neighborCount: 3).fit(all, labels: allLabels, metric: metric)
        let accuracy = try classifier.accuracy(on: test, labels: testLabels)
        let details = metric?.report.details ?? [:]
        return Run(learner: learner, sampleCount: n,
                   solver: metric == nil ? "-" : details["stochastic"] == 1 ? "stochastic" : "full-batch",
                   epochs: Int(details["epochs"] ?? 0), batches: Int(details["batches"] ?? 0),
                   fitSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
                   fitPeakBytes: fitPeak, peakBytes: ProcessUsage.peakResidentBytes() ?? 0, accuracy: accuracy)
    }

    /// The training table of n rows (seed 1) and the test rows (seed 2), standardised by the training rows.
    private static func standardizedTables(sampleCount n: Int, testRows: Int) throws
        -> (Matrix, [Int], Matrix, [Int]) {
        let train = HardTable(sampleCount: n, seed: 1)
        let test = HardTable(sampleCount: testRows, seed: 2)
        let standardization = try StandardScaler().fit(train.features)
        return (try standardization.transform(train.features), train.labels,
                try standardization.transform(test.features), test.labels)
    }
}
