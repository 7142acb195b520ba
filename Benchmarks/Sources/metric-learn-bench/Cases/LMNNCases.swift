import MetricLearn

/// LMNN: L-BFGS over L (k×d). Once per fit, the target neighbours (same-class distances, 2·Σ_c n_c²·k flops);
/// per evaluation, Z = X·Lᵀ (2ndk), the impostor search over every between-class pair in row blocks
/// (2·Σ_{c<c'} n_c·n_c'·k) and ∇ = 2·Zᵀ(CX) (2nkd). Accumulating CX pair by pair (O(pairs·d)) is not BLAS
/// and not counted. Fits with the defaults on 850×18 and 2300×19 and the bundled data; the rate of a short
/// fit on a growing n at d = 50; one fit with the defaults at n = 20 000 alone in a process for its memory.
enum LMNNCases {
    static func flops(d: Int, classSizes: [Int], evaluations: Double) -> Double {
        let k = Double(d)
        let n = Double(classSizes.reduce(0, +))
        let within = classSizes.reduce(0.0) { $0 + Double($1) * Double($1) }
        let between = (n * n - within) / 2
        return 2 * within * k + evaluations * (2 * between * k + 4 * n * k * k)
    }

    static func cases(scale: Scale) -> [BenchmarkCase] {
        let fitting = LearnerCases(group: "lmnn", learner: LMNN())
        let shortFit = LearnerCases(group: "lmnn", learner: LMNN(initialization: .identity, maxIterations: 1))
        let fitSizes: [DataSource] = scale == .quick ? [] : [.synthetic(sampleCount: 850, featureCount: 18),
                                                           .synthetic(sampleCount: 2300, featureCount: 19)]
        let rateSizes = scale.sampleCounts.map { DataSource.synthetic(sampleCount: $0, featureCount: 50) }
        let memory = scale == .quick ? [] : [fitting.memory(on: .synthetic(sampleCount: 20000, featureCount: 50))]
        return fitting.fitTransformPredict(on: fitSizes + DataSource.bundledSets)
            + rateSizes.map { shortFit.gradient(on: $0, flops: flops) }
            + memory
    }
}
