/// A metric learned on a `TrainingTable`, ready to be written as a model file.
public struct TableFit: Sendable {
    /// The metric on the table's features as read (any standardisation folded in).
    public let metric: MahalanobisMetric
    /// The table preprocessing fitted on the training rows (nil when the features were read as numbers).
    public let tablePreprocessor: TablePreprocessor?
    /// The numeric features the learner saw, before any standardisation.
    public let trainingFeatures: FeatureTable
    /// What the learner learned from: the table's class labels or regression targets.
    public let supervision: Supervision
    /// What the fit found worth a warning, after the table's own warnings.
    public let warnings: [DataWarning]

    /// The model file of the metric and its preprocessor.
    public func modelFile() throws(MetricLearnError) -> ModelFile {
        try ModelFile(metric: metric, tablePreprocessor: tablePreprocessor)
    }
}

extension TrainingTable {
    /// Learns `configuration`'s metric on the whole table: the preprocessing is fitted on every row, then with
    /// `standardizing` the learner sees standardised features and the scaling is folded into the metric
    /// (`MahalanobisMetric.composed(with:)`), so the result applies to the table's raw units. The learner gets the
    /// table's class labels or regression targets; one that cannot learn from them throws
    /// `unsupportedSupervision`.
    ///
    /// Without `standardizing`, a learner that depends on the units and meets features whose standard
    /// deviations differ by `scaleWarningRatio` or more adds `DataWarning.featureScalesDiffer`.
    ///
    /// A `model` to start from (a warm start) keeps its feature space: its table preprocessor is applied as it is
    /// (`ModelFile.startingPreprocessor(for:)`) and the learner starts from its metric
    /// (`ModelFile.startingMetric(for:featureNames:)`), on standardised features the same metric
    /// (`MahalanobisMetric.onStandardizedFeatures(_:)`), so a fit of no iteration gives the model's metric back.
    /// - Throws: the errors of those two and of the learner's warm start.
    public func fit(_ configuration: LearnerConfiguration, standardizing: Bool = false,
                    startingFrom model: ModelFile? = nil,
                    progress: ((OptimizationProgress) -> Void)? = nil) throws(MetricLearnError) -> TableFit {
        switch contents {
        case let .numeric(dataset):
            _ = try model?.startingPreprocessor(for: nil)
            return try fit(configuration, dataset, preprocessor: nil, standardizing: standardizing, model: model,
                           progress: progress)
        case let .raw(dataset, preprocessing):
            let preprocessor = try preprocessing.fit(dataset.table, startingFrom: model)
            return try fit(configuration, try preprocessor.transform(dataset), preprocessor: preprocessor,
                           standardizing: standardizing, model: model, progress: progress)
        case let .numericTargets(dataset):
            _ = try model?.startingPreprocessor(for: nil)
            return try fit(configuration, dataset, preprocessor: nil, standardizing: standardizing, model: model,
                           progress: progress)
        case let .rawTargets(dataset, preprocessing):
            let preprocessor = try preprocessing.fit(dataset.table, startingFrom: model)
            return try fit(configuration, try preprocessor.transform(dataset), preprocessor: preprocessor,
                           standardizing: standardizing, model: model, progress: progress)
        }
    }

    private func fit(_ configuration: LearnerConfiguration, _ samples: some LearnerSamples,
                     preprocessor: TablePreprocessor?, standardizing: Bool, model: ModelFile?,
                     progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> TableFit {
        let scaleWarning = Self.scaleWarning(for: configuration, table: samples.table, standardizing: standardizing)
        let start = try model?.startingMetric(for: configuration, featureNames: samples.table.featureNames)
        let metric: MahalanobisMetric
        do {
            metric = try samples.fit(configuration.learner, standardizing: standardizing, startingFrom: start,
                                     progress: progress)
        } catch {
            throw samples.namingClasses(in: error)
        }
        return TableFit(metric: metric, tablePreprocessor: preprocessor, trainingFeatures: samples.table,
                        supervision: samples.supervision, warnings: warnings + (scaleWarning.map { [$0] } ?? []))
    }

    /// `DataWarning.featureScalesDiffer` when a learner that depends on the units, not `standardizing`, meets
    /// features whose standard deviations differ by `scaleWarningRatio` or more.
    static func scaleWarning(for configuration: LearnerConfiguration, table: FeatureTable,
                             standardizing: Bool) -> DataWarning? {
        guard !standardizing && !configuration.isScaleInvariant,
              let (largest, smallest) = spreadExtremes(of: table),
              largest.standardDeviation >= scaleWarningRatio * smallest.standardDeviation else { return nil }
        return .featureScalesDiffer(learner: configuration.name, largest: largest, smallest: smallest)
    }

    /// The features with the largest and the smallest standard deviation among the non-constant columns, or nil
    /// with fewer than two of them.
    static func spreadExtremes(of table: FeatureTable)
        -> (largest: DataWarning.FeatureSpread, smallest: DataWarning.FeatureSpread)? {
        guard let standardization = try? StandardScaler().fit(table.features) else { return nil }
        let spreads = (0..<table.featureCount).compactMap { j -> DataWarning.FeatureSpread? in
            let column = table.features.column(j)
            guard let low = column.min(), let high = column.max(), low < high else { return nil }
            return DataWarning.FeatureSpread(feature: table.featureNames[j],
                                             standardDeviation: standardization.scales[j])
        }
        guard spreads.count >= 2,
              let largest = spreads.max(by: { $0.standardDeviation < $1.standardDeviation }),
              let smallest = spreads.min(by: { $0.standardDeviation < $1.standardDeviation }) else { return nil }
        return (largest, smallest)
    }
}
