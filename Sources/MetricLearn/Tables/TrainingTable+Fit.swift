/// A metric learned on a `TrainingTable`, ready to be written as a model file.
public struct TableFit: Sendable {
    /// The metric on the table's features as read (any standardisation folded in).
    public let metric: MahalanobisMetric
    /// The table preprocessing fitted on the training rows (nil when the features were read as numbers).
    public let tablePreprocessor: TablePreprocessor?
    /// The numeric features the learner saw, before any standardisation.
    public let trainingData: Dataset
    /// What the fit found worth a warning, after the table's own warnings.
    public let warnings: [DataWarning]

    /// The model file of the metric and its preprocessor.
    public func modelFile() throws(MetricLearnError) -> ModelFile {
        try ModelFile(metric: metric, tablePreprocessor: tablePreprocessor)
    }
}

extension TrainingTable {
    /// The numeric training data: the table's numbers, or the raw table preprocessed by a preprocessor fitted on
    /// all its rows (returned with it).
    public func numericData() throws(MetricLearnError) -> (dataset: Dataset, preprocessor: TablePreprocessor?) {
        switch contents {
        case let .numeric(dataset):
            return (dataset, nil)
        case let .raw(dataset, preprocessing):
            let preprocessor = try preprocessing.fit(dataset)
            return (try preprocessor.transform(dataset), preprocessor)
        }
    }

    /// Learns `configuration`'s metric on the whole table: the preprocessing is fitted on every row, then with
    /// `standardizing` the learner sees standardised features and the scaling is folded into the metric
    /// (`MahalanobisMetric.composed(with:)`), so the result applies to the table's raw units.
    ///
    /// Without `standardizing`, a learner that depends on the units and meets features whose standard
    /// deviations differ by `scaleWarningRatio` or more adds `DataWarning.featureScalesDiffer`.
    public func fit(_ configuration: LearnerConfiguration, standardizing: Bool = false,
                    progress: ((OptimizationProgress) -> Void)? = nil) throws(MetricLearnError) -> TableFit {
        let (dataset, preprocessor) = try numericData()
        var warnings = warnings
        if !standardizing && !configuration.isScaleInvariant,
           let (largest, smallest) = Self.spreadExtremes(of: dataset),
           largest.standardDeviation >= Self.scaleWarningRatio * smallest.standardDeviation {
            warnings.append(.featureScalesDiffer(learner: configuration.name, largest: largest, smallest: smallest))
        }
        let learner = configuration.learner
        let metric: MahalanobisMetric
        if standardizing {
            let standardization = try StandardScaler().fit(dataset.features)
            let standardized = try Dataset(features: try standardization.transform(dataset.features),
                                           labels: dataset.labels, classNames: dataset.classNames,
                                           featureNames: dataset.featureNames)
            metric = try learner.fit(standardized, progress: progress).composed(with: standardization)
        } else {
            metric = try learner.fit(dataset, progress: progress)
        }
        return TableFit(metric: metric, tablePreprocessor: preprocessor, trainingData: dataset, warnings: warnings)
    }

    /// The features with the largest and the smallest standard deviation among the non-constant columns, or nil
    /// with fewer than two of them.
    static func spreadExtremes(of dataset: Dataset)
        -> (largest: DataWarning.FeatureSpread, smallest: DataWarning.FeatureSpread)? {
        guard let standardization = try? StandardScaler().fit(dataset.features) else { return nil }
        let spreads = (0..<dataset.featureCount).compactMap { j -> DataWarning.FeatureSpread? in
            let column = dataset.features.column(j)
            guard let low = column.min(), let high = column.max(), low < high else { return nil }
            return DataWarning.FeatureSpread(feature: dataset.featureNames[j],
                                             standardDeviation: standardization.scales[j])
        }
        guard spreads.count >= 2,
              let largest = spreads.max(by: { $0.standardDeviation < $1.standardDeviation }),
              let smallest = spreads.min(by: { $0.standardDeviation < $1.standardDeviation }) else { return nil }
        return (largest, smallest)
    }
}
