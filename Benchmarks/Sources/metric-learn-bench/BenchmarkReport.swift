/// Everything one benchmark run measured, as written by `--json`.
struct BenchmarkReport: Sendable, Encodable {
    let machine: Machine
    let scale: Scale
    let policy: MeasurementPolicy
    /// Whether every case ran in its own child process (peak RSS per case).
    let isolatedCases: Bool
    let results: [CaseResult]
    /// Cases that threw or whose child process failed, with the reason.
    let failures: [String: String]

    /// The empirical exponent b of time ∝ nᵇ for each series with at least three sizes.
    var growth: [GrowthSeries] {
        let bySeries = Dictionary(grouping: results.filter { $0.seriesName != nil }) { $0.seriesName! }
        return bySeries.compactMap { series, members in
            let sorted = members.sorted { $0.sampleCount < $1.sampleCount }
            guard sorted.count >= 3,
                  let fit = GrowthFit(sizes: sorted.map { Double($0.sampleCount) },
                                      times: sorted.map(\.seconds.median)) else { return nil }
            return GrowthSeries(series: series, sampleCounts: sorted.map(\.sampleCount), fit: fit)
        }
        .sorted { $0.series < $1.series }
    }

    /// The best dgemm rate measured (GFLOP/s at the median time): the machine's practical peak.
    var peakGigaflops: Double? {
        results.filter { $0.group == "blas" && $0.operation == "dgemm" }.compactMap(\.gigaflops).max()
    }

    /// Each counted non-dgemm case's rate as a fraction of `peakGigaflops`.
    var efficiency: [Efficiency] {
        guard let peak = peakGigaflops else { return [] }
        return results.filter { $0.group != "blas" }.compactMap { result in
            result.gigaflops.map { Efficiency(name: result.name, gigaflops: $0, fractionOfPeak: $0 / peak) }
        }
    }
}

/// A growth-in-n series and its log–log fit.
struct GrowthSeries: Sendable, Codable {
    let series: String
    let sampleCounts: [Int]
    let fit: GrowthFit
}

/// A case's floating-point rate against the dgemm peak.
struct Efficiency: Sendable, Codable {
    let name: String
    let gigaflops: Double
    let fractionOfPeak: Double
}

extension BenchmarkReport {
    private enum CodingKeys: String, CodingKey {
        case machine, scale, policy, isolatedCases, results, failures, growth, peakGigaflops, efficiency
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(machine, forKey: .machine)
        try container.encode(scale, forKey: .scale)
        try container.encode(policy, forKey: .policy)
        try container.encode(isolatedCases, forKey: .isolatedCases)
        try container.encode(results, forKey: .results)
        try container.encode(failures, forKey: .failures)
        try container.encode(growth, forKey: .growth)
        try container.encodeIfPresent(peakGigaflops, forKey: .peakGigaflops)
        try container.encode(efficiency, forKey: .efficiency)
    }
}
