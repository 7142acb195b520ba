/// How many times to run a case.
struct MeasurementPolicy: Sendable, Codable {
    /// Timed runs wanted.
    var repeats: Int
    /// Once a case has `minimumRuns` timed runs, it stops when its runs have taken this many seconds.
    var timeBudget: Double
    /// Runs shorter than this are looped so that one sample lasts at least this long (clock resolution, noise).
    var minimumSampleSeconds = 0.01
    /// Runs wanted even when the budget is spent, unless a single run uses a third of the budget.
    var minimumRuns = 3
}

/// The measurements of one case.
struct CaseResult: Sendable, Codable {
    let name: String
    let group: String
    let operation: String
    let data: String
    let sampleCount: Int
    let featureCount: Int
    let seriesName: String?
    /// Seconds of each timed run (one call each; the mean of a loop for very short calls).
    let samples: [Double]
    /// Calls per sample (1 unless a call is shorter than `minimumSampleSeconds`).
    let callsPerSample: Int
    /// Order statistics of `samples`.
    let seconds: Summary
    /// CPU seconds (user + system, all threads) of each timed run, in the same order as `samples`.
    let cpuSamples: [Double]
    /// Floating-point operations of one call, when counted.
    let flopsPerRun: Double?
    /// Peak resident bytes of the process that ran the case (a fresh child unless `--in-process`).
    let peakResidentBytes: Int?
    /// Peak resident bytes after preparing the data, before the first timed call.
    let preparedResidentBytes: Int?
    /// Facts reported by the last call (iterations, …).
    let details: [String: Double]

    /// The median CPU seconds per call.
    var medianCPUSeconds: Double? { Summary(cpuSamples)?.median }

    /// Billions of floating-point operations per second at the median time.
    var gigaflops: Double? { flopsPerRun.map { $0 / seconds.median / 1e9 } }

    /// Billions of floating-point operations per second of the fastest run.
    var bestGigaflops: Double? { flopsPerRun.map { $0 / seconds.minimum / 1e9 } }

    /// Billions of floating-point operations per CPU second (all threads) at the median CPU time.
    var cpuGigaflops: Double? {
        guard let flopsPerRun, let cpu = medianCPUSeconds, cpu > 0 else { return nil }
        return flopsPerRun / cpu / 1e9
    }

    /// Billions of floating-point operations per CPU second of the run that used the least CPU time.
    var bestCPUGigaflops: Double? {
        guard let flopsPerRun, let cpu = cpuSamples.min(), cpu > 0 else { return nil }
        return flopsPerRun / cpu / 1e9
    }
}

extension BenchmarkCase {
    /// Prepares the workload, runs it once untimed-as-warm-up, then takes the timed samples.
    func measure(policy: MeasurementPolicy) throws -> CaseResult {
        let workload = try prepare()
        let preparedBytes = ProcessUsage.peakResidentBytes()
        let clock = ContinuousClock()

        var details: [String: Double] = [:]
        var cpuStart = ProcessUsage.cpuSeconds()
        let warmUp = try clock.seconds { details = try workload.run() }
        let warmUpCPU = ProcessUsage.cpuSeconds() - cpuStart
        let expensive = warmUp >= policy.timeBudget / 3
        let callsPerSample = expensive ? 1 : max(1, min(100_000, Int((policy.minimumSampleSeconds / max(warmUp, 1e-9)).rounded(.up))))
        var samples = expensive ? [warmUp] : []
        var cpuSamples = expensive ? [warmUpCPU] : []
        var spent = warmUp
        let repeats = min(policy.repeats, maxRuns ?? policy.repeats)
        while samples.count < repeats {
            if samples.count >= (expensive ? 1 : policy.minimumRuns) && spent >= policy.timeBudget { break }
            cpuStart = ProcessUsage.cpuSeconds()
            let elapsed = try clock.seconds {
                for _ in 0..<callsPerSample { details = try workload.run() }
            }
            samples.append(elapsed / Double(callsPerSample))
            cpuSamples.append((ProcessUsage.cpuSeconds() - cpuStart) / Double(callsPerSample))
            spent += elapsed
        }
        return CaseResult(name: name, group: group, operation: operation, data: data, sampleCount: sampleCount,
                          featureCount: featureCount, seriesName: seriesName, samples: samples,
                          callsPerSample: callsPerSample, seconds: Summary(samples)!, cpuSamples: cpuSamples,
                          flopsPerRun: workload.flopsPerRun, peakResidentBytes: ProcessUsage.peakResidentBytes(),
                          preparedResidentBytes: preparedBytes, details: details)
    }
}

extension ContinuousClock {
    /// Wall-clock seconds taken by `body`.
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now
        try body()
        let elapsed = now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
