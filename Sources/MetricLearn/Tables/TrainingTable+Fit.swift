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
        let names = dataset.featureNames
        let learner = configuration.learner
        let metric = try Self.learn(dataset.features, featureNames: names, standardizing: standardizing) {
            (x) throws(MetricLearnError) -> MahalanobisMetric in
            try learner.fit(try Dataset(features: x, labels: dataset.labels, classNames: dataset.classNames,
                                        featureNames: names), progress: progress)
        }
        let scaleWarning = Self.scaleWarning(for: configuration, features: dataset.features, featureNames: names,
                                             standardizing: standardizing)
        return TableFit(metric: metric, tablePreprocessor: preprocessor, trainingData: dataset,
                        warnings: warnings + (scaleWarning.map { [$0] } ?? []))
    }

    /// What every table fit does around its learner: with `standardizing`, `learn` sees standardised features and
    /// the scaling is folded into the metric it returns (`MahalanobisMetric.composed(with:)`); the metric is named
    /// by `featureNames`.
    static func learn(_ features: Matrix, featureNames: [String], standardizing: Bool,
                      _ learn: (Matrix) throws(MetricLearnError) -> MahalanobisMetric)
        throws(MetricLearnError) -> MahalanobisMetric {
        guard standardizing else { return try learn(features).withFeatureNames(featureNames) }
        let standardization = try StandardScaler().fit(features)
        return try learn(try standardization.transform(features)).withFeatureNames(featureNames)
            .composed(with: standardization)
    }

    /// `DataWarning.featureScalesDiffer` when a learner that depends on the units, not `standardizing`, meets
    /// features whose standard deviations differ by `scaleWarningRatio` or more.
    static func scaleWarning(for configuration: LearnerConfiguration, features: Matrix, featureNames: [String],
                             standardizing: Bool) -> DataWarning? {
        guard !standardizing && !configuration.isScaleInvariant,
              let (largest, smallest) = spreadExtremes(of: features, featureNames: featureNames),
              largest.standardDeviation >= scaleWarningRatio * smallest.standardDeviation else { return nil }
        return .featureScalesDiffer(learner: configuration.name, largest: largest, smallest: smallest)
    }

    /// The features with the largest and the smallest standard deviation among the non-constant columns, or nil
    /// with fewer than two of them.
    static func spreadExtremes(of features: Matrix, featureNames: [String])
        -> (largest: DataWarning.FeatureSpread, smallest: DataWarning.FeatureSpread)? {
        guard let standardization = try? StandardScaler().fit(features) else { return nil }
        let spreads = (0..<features.columnCount).compactMap { j -> DataWarning.FeatureSpread? in
            let column = features.column(j)
            guard let low = column.min(), let high = column.max(), low < high else { return nil }
            return DataWarning.FeatureSpread(feature: featureNames[j], standardDeviation: standardization.scales[j])
        }
        guard spreads.count >= 2,
              let largest = spreads.max(by: { $0.standardDeviation < $1.standardDeviation }),
              let smallest = spreads.min(by: { $0.standardDeviation < $1.standardDeviation }) else { return nil }
        return (largest, smallest)
    }
}
