import MetricLearn

/// Feature reweighting, both methods O(n²·d) per pass and outside BLAS (the L1 kernel has no Gram form):
/// diagonal NCA with its default 200 iterations on the bundled data and a 20-iteration fit on a growing n
/// (d = 20); ReliefF, closed-form, on the same sizes and the bundled data.
enum FeatureReweightingCases {
    static func cases(scale: Scale) -> [BenchmarkCase] {
        let series = scale.sampleCounts.filter { $0 <= 5000 }.map { DataSource.synthetic(sampleCount: $0, featureCount: 20) }
        let defaultNCA = LearnerCases(group: "feature-weights-nca", learner: FeatureReweighting())
        let shortNCA = LearnerCases(group: "feature-weights-nca", learner: FeatureReweighting(maxIterations: 20))
        let reliefF = LearnerCases(group: "feature-weights-relieff", learner: FeatureReweighting(method: .reliefF()))
        return DataSource.bundledSets.map(defaultNCA.fit) + series.map(shortNCA.fit)
            + (series + DataSource.bundledSets).map(reliefF.fit)
    }
}
