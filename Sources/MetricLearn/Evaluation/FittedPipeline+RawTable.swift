/// Raw rows through every stage of a fitted pipeline: table preprocessing, standardization, metric, neighbours.
extension FittedPipeline {
    /// The numeric features of `table`: its preprocessed features, or its numeric columns as they are
    /// when the pipeline has no table preprocessing.
    ///
    /// - Throws: the table preprocessor's errors (`invalidParameter` named `columns` unless `table` has
    ///   the training columns, `missingValue`); without one, as `FeatureTable.init(_: RawTable)`.
    public func features(of table: RawTable) throws(MetricLearnError) -> Matrix {
        try stages.features(of: table)
    }

    /// The rows of `table` in the space the neighbours are found in.
    public func transform(_ table: RawTable) throws(MetricLearnError) -> Matrix {
        try transform(try features(of: table))
    }

    /// The predicted class of each row of `table`.
    public func predict(_ table: RawTable) throws(MetricLearnError) -> [Int] {
        try predict(try features(of: table))
    }

    /// The class probabilities of each row of `table` (rows × classes).
    public func predictProbabilities(_ table: RawTable) throws(MetricLearnError) -> Matrix {
        try predictProbabilities(try features(of: table))
    }

    /// The fraction of `dataset`'s samples classified correctly.
    public func accuracy(on dataset: RawDataset) throws(MetricLearnError) -> Double {
        try ClassificationMetrics.accuracy(trueLabels: dataset.labels, predictedLabels: try predict(dataset.table))
    }

    /// The classification report on `dataset`, with its class names.
    public func report(on dataset: RawDataset) throws(MetricLearnError) -> ClassificationReport {
        try ClassificationReport(trueLabels: dataset.labels, predictedLabels: try predict(dataset.table),
                                 classNames: dataset.classNames)
    }
}
