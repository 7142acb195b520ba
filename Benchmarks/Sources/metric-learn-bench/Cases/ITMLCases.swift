import MetricLearn

/// ITML: cyclic Bregman projections, O(d²) per constraint (20·c² sampled pairs of each kind by default),
/// so its time hardly depends on n. Fits with the defaults on 850×18 and 2300×19 and the bundled data.
enum ITMLCases {
    static func cases(scale: Scale) -> [BenchmarkCase] {
        let sizes: [DataSource] = scale == .quick ? [.synthetic(sampleCount: 850, featureCount: 18)]
            : [.synthetic(sampleCount: 850, featureCount: 18), .synthetic(sampleCount: 2300, featureCount: 19)]
        return LearnerCases(group: "itml", learner: ITML()).fitTransformPredict(on: sizes + DataSource.bundledSets)
    }
}
