import MetricLearn

/// Builders for one learner's cases; each learner's file (`WhiteningCases`, …) says which it wants.
struct LearnerCases: Sendable {
    /// The case group, the learner's command-line name (`whitening`, `nca`, …).
    let group: String
    /// The configuration to fit.
    let learner: any MetricLearner

    /// `fit`, `transform` and k-NN `predict` on each source.
    func fitTransformPredict(on sources: [DataSource]) -> [BenchmarkCase] {
        sources.flatMap { [fit(on: $0), transform(on: $0), predict(on: $0)] }
    }

    /// Times `fit`; reports the solver's iterations and objective evaluations for iterative learners.
    func fit(on source: DataSource) -> BenchmarkCase {
        let learner = self.learner
        return source.makeCase(group: group, operation: "fit") {
            let (x, labels) = try source.load()
            return Workload { solverFacts(try learner.fit(x, labels: labels)) }
        }
    }

    /// Times `transform` of the training rows with a metric fitted outside the timed region.
    func transform(on source: DataSource) -> BenchmarkCase {
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

    /// Times k-NN prediction of new rows in the learned space (see `NeighborsCases.prediction`).
    func predict(on source: DataSource) -> BenchmarkCase {
        NeighborsCases.prediction(group: group, learner: learner, on: source, queryCount: NeighborsCases.queryCount)
    }

    /// The floating-point rate of the objective's `valueAndGradient`, through the public API: a fit
    /// (configure `learner` for a few iterations from a cheap start) whose evaluations the report counts.
    /// Fits are deterministic, so one untimed fit fixes the evaluation count and so the flops of every run,
    /// given by `flops(d, classSizes, evaluations)`: the dominant BLAS products of the whole fit.
    func gradient(on source: DataSource,
                  flops: @escaping @Sendable (_ d: Int, _ classSizes: [Int], _ evaluations: Double) -> Double)
        -> BenchmarkCase {
        let learner = self.learner
        return source.makeCase(group: group, operation: "gradient") {
            let (x, labels) = try source.load()
            let evaluations = try learner.fit(x, labels: labels).report.details["evaluations"] ?? 0
            guard evaluations > 0 else {
                throw BenchmarkError.badData("\(learner.configuration.name) reports no objective evaluations")
            }
            var classSizes = [Int](repeating: 0, count: (labels.max() ?? 0) + 1)
            for label in labels { classSizes[label] += 1 }
            return Workload(flopsPerRun: flops(x.columnCount, classSizes, evaluations)) {
                solverFacts(try learner.fit(x, labels: labels))
            }
        }
    }

    /// One fit, alone in its process, for its peak resident memory (and its time).
    func memory(on source: DataSource) -> BenchmarkCase {
        let learner = self.learner
        return source.makeCase(group: group, operation: "fit-memory", inGrowthSeries: false, maxRuns: 1) {
            let (x, labels) = try source.load()
            return Workload { solverFacts(try learner.fit(x, labels: labels)) }
        }
    }
}

/// Iterations, objective evaluations and LMNN's impostor counts of a fit (nothing for closed-form learners).
private func solverFacts(_ metric: MahalanobisMetric) -> [String: Double] {
    var facts = metric.report.details.filter { ["evaluations", "impostorPairs", "activeTriplets"].contains($0.key) }
    if metric.report.iterations > 0 { facts["iterations"] = Double(metric.report.iterations) }
    return facts
}

/// Where a case's table comes from.
enum DataSource: Sendable {
    case synthetic(sampleCount: Int, featureCount: Int)
    case bundled(BundledData)

    /// Every synthetic size of the scale's grid.
    static func grid(_ scale: Scale) -> [DataSource] {
        scale.syntheticGrid.map { .synthetic(sampleCount: $0, featureCount: $1) }
    }

    /// The bundled data sets.
    static var bundledSets: [DataSource] { BundledData.allCases.map(DataSource.bundled) }

    /// The table: synthetic blobs, or a bundled data set standardised as the examples do before an
    /// iterative learner (wine's columns differ by 10⁴).
    func load() throws -> (features: Matrix, labels: [Int]) {
        let (features, labels, _) = try loadWithQueries(count: 0)
        return (features, labels)
    }

    /// The table and `count` further rows of the same distribution to predict; a bundled data set has
    /// no further rows, so its queries are its own rows.
    func loadWithQueries(count: Int) throws -> (features: Matrix, labels: [Int], queries: Matrix) {
        switch self {
        case let .synthetic(n, d):
            let blobs = SyntheticBlobs(sampleCount: n + count, featureCount: d)
            return (blobs.features.rows(at: 0..<n), Array(blobs.labels[..<n]), blobs.features.rows(at: n..<(n + count)))
        case let .bundled(data):
            let dataset = try data.load()
            let features = try StandardScaler().fit(dataset.features).transform(dataset.features)
            return (features, dataset.labels, features)
        }
    }

    /// A case on this data; synthetic cases join their growth series unless `inGrowthSeries` is false.
    func makeCase(group: String, operation: String, inGrowthSeries: Bool = true, maxRuns: Int? = nil,
                  prepare: @escaping @Sendable () throws -> Workload) -> BenchmarkCase {
        switch self {
        case let .synthetic(n, d):
            BenchmarkCase(group: group, operation: operation, data: syntheticDataName(sampleCount: n, featureCount: d),
                          sampleCount: n, featureCount: d, isSynthetic: inGrowthSeries, maxRuns: maxRuns,
                          prepare: prepare)
        case let .bundled(data):
            BenchmarkCase(group: group, operation: operation, data: data.rawValue,
                          sampleCount: data.shape.sampleCount, featureCount: data.shape.featureCount,
                          isSynthetic: false, maxRuns: maxRuns, prepare: prepare)
        }
    }
}
