import MetricLearn

/// NCA: L-BFGS over L (k×d); one objective evaluation costs O(n²·k + n·d·k) (see `NCA`).
///
/// Fits (50 iterations, scikit-learn's default) on 2000×50 and 1800×64 and the bundled data; the rate of
/// the objective on a growing n at d = 50; and one short fit at n = 20 000 alone in a process for its memory.
enum NCACases {
    /// The dominant BLAS flops of a fit with k = d: per evaluation, Z = X·Lᵀ (2ndk), the distances of the
    /// upper tiles in both passes (2n²k), T_I += S·Z_J and T_J += Sᵀ·Z_I (2n²k), and ∇ = −2·Tᵀ·X (2nkd).
    /// The n² `exp`s are not counted. (Before the symmetric tiles, 2026-11-25, this counted 6n²k.)
    static func flops(d: Int, classSizes: [Int], evaluations: Double) -> Double {
        let (n, k) = (Double(classSizes.reduce(0, +)), Double(d))
        return evaluations * (4 * n * n * k + 4 * n * k * k)
    }

    static func cases(scale: Scale) -> [BenchmarkCase] {
        let fitting = LearnerCases(group: "nca", learner: NCA(maxIterations: 50))
        let shortFit = LearnerCases(group: "nca", learner: NCA(initialization: .identity, maxIterations: 1))
        let fitSizes: [DataSource] = scale == .quick ? [] : [.synthetic(sampleCount: 2000, featureCount: 50),
                                                           .synthetic(sampleCount: 1800, featureCount: 64)]
        let rateSizes = scale.sampleCounts.filter { $0 <= 10000 }.map { DataSource.synthetic(sampleCount: $0, featureCount: 50) }
        let memory = scale == .quick ? [] : [shortFit.memory(on: .synthetic(sampleCount: 20000, featureCount: 50))]
        return fitting.fitTransformPredict(on: fitSizes + DataSource.bundledSets)
            + rateSizes.map { shortFit.gradient(on: $0, flops: flops) }
            + memory
    }
}
