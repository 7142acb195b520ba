import Foundation
import Testing

/// A `metric-learn fit` run, and how closely its model must agree between OpenBLAS thread counts.
struct ThreadCountCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    /// nil: byte-identical model files (minus `fitSeconds`); otherwise the largest relative difference of the
    /// components, max|ΔL| / max|L|, allowed between 1 and 2 OpenBLAS threads.
    let tolerance: Double?

    var testDescription: String { arguments.joined(separator: " ") }

    init(_ commandLine: String, tolerance: Double? = nil) {
        arguments = commandLine.split(separator: " ").map(String.init) + ["--output", "model.json"]
        self.tolerance = tolerance
    }

    /// Docs/Robustness.md explains the split: BLAS products partition their output between threads, so every
    /// entry is summed in the same order; LAPACK's symmetric eigensolver (whitening, LDA initialization, ITML's
    /// covariance prior) does not, and its last bits depend on the thread count.
    static let all: [ThreadCountCase] = [
        ThreadCountCase("fit nca --input iris.csv --initialization pca"),
        ThreadCountCase("fit nca --input iris.csv --component-count 2 --initialization random --seed 3"),
        ThreadCountCase("fit lmnn --input iris.csv"),
        ThreadCountCase("fit itml --input iris.csv --seed 5"),
        ThreadCountCase("fit feature-weights --input iris.csv"),
        ThreadCountCase("fit feature-weights --input iris.csv --method relieff"),
        ThreadCountCase("fit whitening --input wine.csv --mode total --shrinkage none", tolerance: 1e-12),
        ThreadCountCase("fit whitening --input wine.csv --mode within-class --shrinkage none", tolerance: 1e-12),
        // The default shrinks halfway to a multiple of I: on raw wine the eigenvalues crowd together and the
        // eigenvectors of the closest ones turn by 7.5e-11 (relative) between thread counts (measured).
        ThreadCountCase("fit whitening --input wine.csv", tolerance: 1e-9),
        ThreadCountCase("fit itml --input wine.csv --prior covariance", tolerance: 1e-12),
        ThreadCountCase("fit nca --input iris.csv --component-count 2", tolerance: 1e-8),
        // Its 178 × 178 tiles are large enough for OpenBLAS to run the products on two threads, and the
        // unstandardized wine features (scales 0.1 to 1000) amplify their last bits over 14 L-BFGS iterations
        // (measured 6.4e-10, Docs/Robustness.md).
        ThreadCountCase("fit nca --input wine.csv", tolerance: 1e-8),
    ]
}

/// The same command gives the same model file on every run, and with 1 or 2 OpenBLAS threads (which OpenBLAS
/// reads from `OPENBLAS_NUM_THREADS` when it loads, hence a child process per run).
@Suite struct ThreadCountDeterminismTests {
    /// The model file's text without the `fitSeconds` line, the one field that measures the wall clock.
    private static func timeless(_ model: String) -> String {
        model.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"fitSeconds\"") }.joined(separator: "\n")
    }

    private static func components(_ model: String) throws -> [Double] {
        let object = try JSONSerialization.jsonObject(with: Data(model.utf8)) as? [String: Any]
        let components = object?["components"] as? [String: Any]
        return (components?["values"] as? [NSNumber])?.map(\.doubleValue) ?? []
    }

    @Test(arguments: ThreadCountCase.all)
    func modelsAgreeAcrossRunsAndThreadCounts(_ fit: ThreadCountCase) throws {
        try Workspace.with { workspace in
            func model(threads: Int) throws -> String {
                let result = try workspace.run(fit.arguments, environment: ["OPENBLAS_NUM_THREADS": String(threads)])
                #expect(result.status == 0, "\(result.stderr)")
                return try workspace.read("model.json")
            }
            let one = try model(threads: 1), oneAgain = try model(threads: 1)
            let two = try model(threads: 2), twoAgain = try model(threads: 2)
            #expect(one.contains("\"fitSeconds\""))
            #expect(Self.timeless(one) == Self.timeless(oneAgain))
            #expect(Self.timeless(two) == Self.timeless(twoAgain))
            if let tolerance = fit.tolerance {
                let (a, b) = (try Self.components(one), try Self.components(two))
                #expect(a.count == b.count && !a.isEmpty)
                let difference = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
                let scale = a.map(abs).max() ?? 0
                #expect(difference <= tolerance * scale, "max |ΔL| = \(difference), max |L| = \(scale)")
            } else {
                #expect(Self.timeless(one) == Self.timeless(two))
            }
        }
    }
}
