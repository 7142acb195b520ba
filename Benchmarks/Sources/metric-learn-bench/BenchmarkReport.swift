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

    private var gemmResults: [CaseResult] { results.filter { $0.group == "blas" && $0.operation == "dgemm" } }

    /// The machine's practical peak: the best dgemm rate of any run (GFLOP/s of wall time). The best run,
    /// not the median, because other jobs on the machine only ever slow a run down.
    var peakGigaflops: Double? { gemmResults.compactMap(\.bestGigaflops).max() }

    /// The best dgemm rate per CPU second: the peak to compare CPU rates with on a loaded machine.
    var peakCPUGigaflops: Double? { gemmResults.compactMap(\.bestCPUGigaflops).max() }

    /// Each counted non-dgemm case's rates as fractions of the dgemm peaks.
    var efficiency: [Efficiency] {
        guard let peak = peakGigaflops else { return [] }
        let cpuPeak = peakCPUGigaflops
        return results.filter { $0.group != "blas" }.compactMap { result in
            guard let rate = result.gigaflops else { return nil }
            let cpuRate = result.cpuGigaflops
            return Efficiency(name: result.name, gigaflops: rate, fractionOfPeak: rate / peak, cpuGigaflops: cpuRate,
                              cpuFractionOfPeak: cpuRate.flatMap { rate in cpuPeak.map { rate / $0 } })
        }
    }
}

/// A growth-in-n series and its log–log fit.
struct GrowthSeries: Sendable, Codable {
    let series: String
    let sampleCounts: [Int]
    let fit: GrowthFit
}

/// A case's floating-point rate against the dgemm peak, by wall time and by CPU time.
struct Efficiency: Sendable, Codable {
    let name: String
    let gigaflops: Double
    let fractionOfPeak: Double
    let cpuGigaflops: Double?
    let cpuFractionOfPeak: Double?
}

extension BenchmarkReport {
    private enum CodingKeys: String, CodingKey {
        case machine, scale, policy, isolatedCases, results, failures, growth, peakGigaflops, peakCPUGigaflops, efficiency
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
        try container.encodeIfPresent(peakCPUGigaflops, forKey: .peakCPUGigaflops)
        try container.encode(efficiency, forKey: .efficiency)
    }
}
