import MetricLearn

/// Whitening is closed-form, O(n·d²) + O(d³): timed on the whole synthetic grid and the bundled data.
enum WhiteningCases {
    static func cases(scale: Scale) -> [BenchmarkCase] {
        LearnerCases(group: "whitening", learner: Whitening())
            .fitTransformPredict(on: DataSource.grid(scale) + DataSource.bundledSets)
    }
}
