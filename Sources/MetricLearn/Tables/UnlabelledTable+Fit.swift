/// A metric learned on an `UnlabelledTable` from pairs or triplets, ready to be written as a model file.
public struct ConstraintFit: Sendable {
    /// The metric on the table's features as read (any standardisation folded in).
    public let metric: MahalanobisMetric
    /// The table preprocessing fitted on the rows (nil when the features were read as numbers).
    public let tablePreprocessor: TablePreprocessor?
    /// The numeric features the learner saw, before any standardisation.
    public let trainingFeatures: FeatureTable
    /// The threshold calibrated on the training pairs (nil for triplets, or when not asked for).
    public let pairThreshold: PairThreshold?
    /// What the fit found worth a warning, after the table's own warnings.
    public let warnings: [DataWarning]

    /// The model file of the metric, its preprocessor and its threshold.
    public func modelFile() throws(MetricLearnError) -> ModelFile {
        try ModelFile(metric: metric, tablePreprocessor: tablePreprocessor, pairThreshold: pairThreshold)
    }
}

extension UnlabelledTable {
    /// Learns `configuration`'s metric from `supervision` (pairs or triplets of this table's rows): the
    /// preprocessing is fitted on every row, then with `standardizing` the learner sees standardised features and
    /// the scaling is folded into the metric, so the result applies to the table's raw units. With pairs and a
    /// `calibration` strategy (default `.accuracy`), the threshold is calibrated on the training pairs with the
    /// final metric.
    ///
    /// Without `standardizing`, a learner that depends on the units and meets features whose standard deviations
    /// differ by `TrainingTable.scaleWarningRatio` or more adds `DataWarning.featureScalesDiffer`.
    /// A `model` to start from (a warm start) keeps its feature space, as in
    /// `TrainingTable.fit(_:standardizing:startingFrom:progress:)`.
    /// - Throws: `unsupportedSupervision` when the learner does not learn from the supervision's kind (class
    ///   labels need a `TrainingTable`), the constraint errors (indices must be rows of this table), the warm
    ///   start's errors and the learner's own errors.
    public func fit(_ configuration: LearnerConfiguration, supervision: Supervision, standardizing: Bool = false,
                    calibration: CalibrationStrategy? = .accuracy, startingFrom model: ModelFile? = nil,
                    progress: ((OptimizationProgress) -> Void)? = nil) throws(MetricLearnError) -> ConstraintFit {
        let registration = configuration.registration
        guard supervision.kind != .classLabels, registration.supervision.contains(supervision.kind) else {
            throw supervision.unsupported(by: registration)
        }
        try calibration?.validate()
        let (table, preprocessor) = try numericData(startingFrom: model)
        let start = try model?.startingMetric(for: configuration, featureNames: table.featureNames)
        let metric = try ConstrainedSamples(table: table, supervision: supervision)
            .fit(configuration.learner, standardizing: standardizing, startingFrom: start, progress: progress)
        var threshold: PairThreshold?
        if case let .pairs(constraints) = supervision, let calibration {
            let pairs = constraints.similar + constraints.dissimilar
            threshold = try PairThreshold(calibrating: calibration,
                                          distances: metric.pairDistances(table.features, pairs: pairs),
                                          similar: pairs.indices.map { $0 < constraints.similar.count })
        }
        let scaleWarning = TrainingTable.scaleWarning(for: configuration, table: table, standardizing: standardizing)
        return ConstraintFit(metric: metric, tablePreprocessor: preprocessor, trainingFeatures: table,
                             pairThreshold: threshold, warnings: warnings + (scaleWarning.map { [$0] } ?? []))
    }
}

/// A table's rows with the pairs or triplets a learner learns from them.
private struct ConstrainedSamples: LearnerSamples {
    let table: FeatureTable
    let supervision: Supervision

    func replacingTable(_ table: FeatureTable) -> ConstrainedSamples {
        ConstrainedSamples(table: table, supervision: supervision)
    }

    func namingClasses(in error: MetricLearnError) -> MetricLearnError { error }
}
