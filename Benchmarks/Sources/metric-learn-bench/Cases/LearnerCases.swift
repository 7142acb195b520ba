import MetricLearn

/// One learner's benchmark cases: `fit` and `transform` on each synthetic size and on the bundled data.
struct LearnerEntry: Sendable {
    /// The case group, the learner's command-line name (`whitening`, `nca`, …).
    let group: String
    /// The configuration to fit.
    let learner: any MetricLearner
    /// Synthetic (n, d) sizes; the bundled data sets are always included.
    let sizes: [(sampleCount: Int, featureCount: Int)]

    func cases() -> [BenchmarkCase] {
        let sources = sizes.map { DataSource.synthetic(sampleCount: $0, featureCount: $1) }
            + BundledData.allCases.map(DataSource.bundled)
        return sources.flatMap { [fit(on: $0), transform(on: $0)] }
    }

    /// Times `fit`; reports the solver's iteration count for iterative learners.
    private func fit(on source: DataSource) -> BenchmarkCase {
        let learner = self.learner
        return source.makeCase(group: group, operation: "fit") {
            let (x, labels) = try source.load()
            return Workload {
                let metric = try learner.fit(x, labels: labels)
                let iterations = metric.report.iterations
                return iterations > 0 ? ["iterations": Double(iterations)] : [:]
            }
        }
    }

    /// Times `transform` of the training rows with a metric fitted outside the timed region.
    private func transform(on source: DataSource) -> BenchmarkCase {
        let learner = self.learner
        return source.makeCase(group: group, operation: "transform") {
            let (x, labels) = try source.load()
            let metric = try learner.fit(x, labels: labels)
            return Workload {
                blackHole(try metric.transform(x))
                return [:]
            }
        }
    }
}

/// Where a case's table comes from.
enum DataSource: Sendable {
    case synthetic(sampleCount: Int, featureCount: Int)
    case bundled(BundledData)

    func load() throws -> (features: Matrix, labels: [Int]) {
        switch self {
        case let .synthetic(n, d):
            let blobs = SyntheticBlobs(sampleCount: n, featureCount: d)
            return (blobs.features, blobs.labels)
        case let .bundled(data):
            return try data.load()
        }
    }

    func makeCase(group: String, operation: String,
                  prepare: @escaping @Sendable () throws -> Workload) -> BenchmarkCase {
        switch self {
        case let .synthetic(n, d):
            BenchmarkCase(group: group, operation: operation, data: syntheticDataName(sampleCount: n, featureCount: d),
                          sampleCount: n, featureCount: d, isSynthetic: true, prepare: prepare)
        case let .bundled(data):
            BenchmarkCase(group: group, operation: operation, data: data.rawValue,
                          sampleCount: data.shape.sampleCount, featureCount: data.shape.featureCount,
                          isSynthetic: false, prepare: prepare)
        }
    }
}
