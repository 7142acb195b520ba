import MetricLearn

/// How much to measure: `--quick` finishes in under a minute, the full run a few minutes.
enum Scale: String, Sendable, Codable {
    case quick
    case full

    /// Sample counts n of the synthetic growth series.
    var sampleCounts: [Int] {
        switch self {
        case .quick: [500, 1000, 2000]
        case .full: [500, 1000, 2000, 5000, 10000, 20000]
        }
    }

    /// Feature counts d of the synthetic growth series.
    var featureCounts: [Int] {
        switch self {
        case .quick: [20, 50]
        case .full: [20, 50, 100]
        }
    }

    /// Square sizes of the dgemm peak measurement.
    var gemmSizes: [Int] {
        switch self {
        case .quick: [500, 1000]
        case .full: [1000, 2000]
        }
    }

    /// Timed runs per case unless `--repeats` says otherwise.
    var defaultRepeats: Int {
        switch self {
        case .quick: 3
        case .full: 7
        }
    }

    /// Seconds one case may spend on repeats once it has its minimum count of runs.
    var timeBudget: Double {
        switch self {
        case .quick: 1
        case .full: 20
        }
    }

    /// Every (n, d) pair of the synthetic grid.
    var syntheticGrid: [(sampleCount: Int, featureCount: Int)] {
        featureCounts.flatMap { d in sampleCounts.map { n in (n, d) } }
    }
}

/// Every benchmark case, in the order they run: kernels first (the dgemm peak), then each learner's own list.
enum BenchmarkRegistry {
    static func cases(scale: Scale) -> [BenchmarkCase] {
        LinearAlgebraCases.cases(scale: scale)
            + OptimizationCases.cases(scale: scale)
            + NeighborsCases.cases(scale: scale)
            + WhiteningCases.cases(scale: scale)
            + NCACases.cases(scale: scale)
            + LMNNCases.cases(scale: scale)
            + ITMLCases.cases(scale: scale)
            + FeatureReweightingCases.cases(scale: scale)
    }
}
