/// Numeric samples with what a learner learns from: a `Dataset` (class labels) or a `RegressionDataset`
/// (targets). The table-to-model path and the pipelines fit learners through it, whatever the supervision.
protocol LearnerSamples {
    /// The features.
    var table: FeatureTable { get }
    /// The class labels or targets, as a learner takes them.
    var supervision: Supervision { get }
    /// The same samples with other features (as many rows).
    func replacingTable(_ table: FeatureTable) -> Self
    /// `error` with the class indices it names replaced by class names (unchanged without classes).
    func namingClasses(in error: MetricLearnError) -> MetricLearnError
}

extension LearnerSamples {
    /// `learner` fitted on these samples (from `start` when given: see `WarmStartLearner`), the metric carrying
    /// their feature names. Errors name classes by index (see `namingClasses(in:)`).
    func fit(_ learner: any MetricLearner, startingFrom start: MahalanobisMetric? = nil,
             progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let (x, names) = (table.features, table.featureNames)
        guard let start else { return try learner.fit(x, supervision: supervision, progress: progress).withFeatureNames(names) }
        guard let learner = learner as? any WarmStartLearner else { throw WarmStart.unsupported(by: learner) }
        return try learner.fit(x, supervision: supervision, startingFrom: start, progress: progress).withFeatureNames(names)
    }

    /// `learner` fitted on these samples, standardised first when `standardizing` with the scaling folded into the
    /// metric, so that it applies to the features' own units. A warm start from `start` (a metric on these
    /// features' own units) starts from the same metric on the standardised features
    /// (`MahalanobisMetric.onStandardizedFeatures(_:)`).
    func fit(_ learner: any MetricLearner, standardizing: Bool, startingFrom start: MahalanobisMetric? = nil,
             progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let (standardization, standardized) = try standardized(by: standardizing ? StandardScaler() : nil)
        let unfolded = try start.map { start throws(MetricLearnError) in
            try standardization.map { standardization throws(MetricLearnError) in
                try start.onStandardizedFeatures(standardization)
            } ?? start
        }
        let learned = try standardized.fit(learner, startingFrom: unfolded, progress: progress)
        return try standardization.map { standardization throws(MetricLearnError) in
            try learned.composed(with: standardization)
        } ?? learned
    }

    /// These samples standardized by `scaler` fitted on them, and the standardization; without a scaler, the
    /// samples unchanged and nil.
    func standardized(by scaler: StandardScaler?) throws(MetricLearnError)
        -> (standardization: Standardization?, samples: Self) {
        guard let scaler else { return (nil, self) }
        let standardization = try scaler.fit(table.features)
        return (standardization, replacingTable(FeatureTable(unchecked: try standardization.transform(table.features),
                                                             featureNames: table.featureNames)))
    }
}

extension Dataset: LearnerSamples {
    var supervision: Supervision { .classLabels(labels) }
    func replacingTable(_ table: FeatureTable) -> Dataset { Dataset(unchecked: table, classes: classes) }
}

extension RegressionDataset: LearnerSamples {
    var supervision: Supervision { .regressionTargets(targets) }
    func replacingTable(_ table: FeatureTable) -> RegressionDataset { RegressionDataset(unchecked: table, targets: targets) }
    func namingClasses(in error: MetricLearnError) -> MetricLearnError { error }
}
