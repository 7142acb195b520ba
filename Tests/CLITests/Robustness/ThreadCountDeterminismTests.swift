import Foundation
import Testing

/// A `metric-learn fit` run whose model file must be the same bytes (minus `fitSeconds`) on every run, with 1 or 2
/// OpenBLAS threads and on one core or all of them.
struct ThreadCountCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]

    var testDescription: String { arguments.joined(separator: " ") }

    init(_ commandLine: String) {
        arguments = commandLine.split(separator: " ").map(String.init) + ["--output", "model.json"]
    }

    /// The library runs BLAS and LAPACK single-threaded and splits its own parallel work into jobs fixed by the
    /// problem's size (Docs/Design.md, *One parallel layer*), so nothing depends on the thread or core count: neither the
    /// products nor LAPACK's eigensolver (whitening, the LDA initialization, ITML's covariance prior). The
    /// 600-row table reaches the parallel paths: several tiles of NCA's engine, LMNN's parallel products (Z, its gradient),
    /// the diagonal NCA's concurrent chunks, LFDA's affinity rows, MLKR's products.
    static let all: [ThreadCountCase] = [
        ThreadCountCase("fit nca --input iris.csv --initialization pca"),
        ThreadCountCase("fit nca --input iris.csv --component-count 2 --initialization random --seed 3"),
        ThreadCountCase("fit lmnn --input iris.csv"),
        ThreadCountCase("fit itml --input iris.csv --seed 5"),
        ThreadCountCase("fit feature-weights --input iris.csv"),
        ThreadCountCase("fit feature-weights --input iris.csv --method relieff"),
        ThreadCountCase("fit whitening --input wine.csv --mode total --shrinkage none"),
        ThreadCountCase("fit whitening --input wine.csv --mode within-class --shrinkage none"),
        ThreadCountCase("fit whitening --input wine.csv"),
        ThreadCountCase("fit itml --input wine.csv --prior covariance"),
        ThreadCountCase("fit nca --input iris.csv --component-count 2"),
        ThreadCountCase("fit nca --input wine.csv"),
        ThreadCountCase("fit nca --input blobs.csv --max-iterations 15"),
        ThreadCountCase("fit lmnn --input blobs.csv --max-iterations 20"),
        ThreadCountCase("fit feature-weights --input blobs.csv --max-iterations 5"),
        ThreadCountCase("fit feature-weights --input blobs.csv --method relieff"),
        ThreadCountCase("fit lfda --input wine.csv"),
        ThreadCountCase("fit lfda --input blobs.csv"),
        ThreadCountCase("fit dmlmj --input blobs.csv"),
        ThreadCountCase("fit rca --input wine.csv --seed 2"),
        ThreadCountCase("fit mmc --input iris.csv --seed 1"),
        ThreadCountCase("fit gmml --input wine.csv --seed 3"),
        ThreadCountCase("fit mlkr --input blobs.csv --max-iterations 10"),
        // The stochastic solver: batches of 300 rows span several tiles of the engine (and the diagonal NCA's chunks).
        ThreadCountCase("fit nca --input blobs.csv --solver stochastic --batch-size 300 --epochs 3"),
        ThreadCountCase("fit feature-weights --input blobs.csv --solver stochastic --batch-size 300 --epochs 2"),
        ThreadCountCase("fit mlkr --input blobs.csv --solver stochastic --batch-size 300 --epochs 2"),
        ThreadCountCase("fit lmnn --input blobs.csv --solver stochastic --batch-size 300 --epochs 2"),
    ]

    /// 600 rows of 3 overlapping classes in 6 columns (two of them noise), from a fixed recurrence.
    static let blobs: String = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var lines = ["a,b,c,d,e,f,label"]
        for row in 0..<600 {
            let label = row % 3
            let values = (0..<6).map { column in
                (column < 4 ? 1.2 * Double(label) / Double(column + 1) : 0) + (uniform() + uniform() + uniform() - 1.5) * 2
            }
            lines.append(values.map { String($0) }.joined(separator: ",") + ",\(label)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()
}

/// The same command gives the same model file on every run, with 1 or 2 OpenBLAS threads (which OpenBLAS reads
/// from `OPENBLAS_NUM_THREADS` when it loads, hence a child process per run) and confined to one processor
/// (`taskset -c 0`, when the machine has more than one and util-linux's `taskset` is installed).
@Suite struct ThreadCountDeterminismTests {
    /// The model file's text without the `fitSeconds` line, the one field that measures the wall clock.
    private static func timeless(_ model: String) -> String {
        model.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"fitSeconds\"") }.joined(separator: "\n")
    }

    private static var canPinToOneProcessor: Bool {
        ProcessInfo.processInfo.activeProcessorCount > 1 && FileManager.default.isExecutableFile(atPath: CLI.taskset)
    }

    @Test(arguments: ThreadCountCase.all)
    func modelsAreTheSameBytesAcrossRunsThreadsAndCores(_ fit: ThreadCountCase) throws {
        try Workspace.with { workspace in
            try workspace.write(ThreadCountCase.blobs, to: "blobs.csv")
            func model(threads: Int, processors: String? = nil) throws -> String {
                let result = try workspace.run(fit.arguments, environment: ["OPENBLAS_NUM_THREADS": String(threads)],
                                               processors: processors)
                #expect(result.status == 0, "\(result.stderr)")
                return try workspace.read("model.json")
            }
            let one = try model(threads: 1)
            #expect(one.contains("\"fitSeconds\""))
            var others = [("1 thread again", try model(threads: 1)), ("2 threads", try model(threads: 2)),
                          ("2 threads again", try model(threads: 2))]
            if Self.canPinToOneProcessor {
                others.append(("one processor", try model(threads: 2, processors: "0")))
            }
            for (name, other) in others {
                #expect(Self.timeless(other) == Self.timeless(one), "\(name) differs from 1 thread")
            }
        }
    }
}
