import MetricLearn

/// One thing to time: a named operation on one data set, prepared once and run repeatedly.
///
/// `prepare` does everything that is not measured (generate the data, fit the model a transform
/// needs) and returns the timed body. Names are unique and stable (`group/operation/data`), so a
/// parent process can ask a fresh child to run exactly one case with `--case NAME`.
struct BenchmarkCase: Sendable {
    /// What is measured: a learner (`whitening`, `nca`, …) or a kernel family (`blas`, `distances`).
    let group: String
    /// The operation: `fit`, `transform`, `predict`, `dgemm`, `forEachBlock`, `gradient`.
    let operation: String
    /// The data: `n2000-d50` for synthetic blobs, or a bundled data set's name.
    let data: String
    /// Rows n of the input (0 when it does not apply).
    let sampleCount: Int
    /// Columns d of the input.
    let featureCount: Int
    /// Whether the case belongs to a growth-in-n series (synthetic data, same settings at every n).
    let isSynthetic: Bool
    /// The most timed runs, whatever `--repeats` says (1 for a single costly run measured for its memory).
    var maxRuns: Int? = nil
    /// Builds the workload; runs outside the timed region.
    let prepare: @Sendable () throws -> Workload

    /// `group/operation/data`.
    var name: String { "\(group)/\(operation)/\(data)" }

    /// The growth series this case belongs to: same group, operation and d, growing n.
    var seriesName: String? { isSynthetic ? "\(group)/\(operation)/d\(featureCount)" : nil }
}

/// The timed body of a case.
struct Workload {
    /// Floating-point operations of one run, when the case counts them (for GFLOP/s).
    var flopsPerRun: Double? = nil
    /// One run; returns facts worth reporting about it (iterations, evaluations, …), or none.
    let run: () throws -> [String: Double]
}

/// The name of a synthetic data set of n rows and d columns.
func syntheticDataName(sampleCount: Int, featureCount: Int) -> String {
    "n\(sampleCount)-d\(featureCount)"
}

/// Keeps a value alive so the optimiser cannot discard the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Failures of the harness itself (learner errors are `MetricLearnError`s and pass through).
enum BenchmarkError: Error, CustomStringConvertible {
    case badData(String)
    case unknownCase(String)
    case childFailed(name: String, reason: String)
    case badOption(String)

    var description: String {
        switch self {
        case let .badData(message): "bad data: \(message)"
        case let .unknownCase(name): "no benchmark case named '\(name)' (see --list)"
        case let .childFailed(name, reason): "case \(name) failed in its child process (\(reason))"
        case let .badOption(message): message
        }
    }
}
