/// A fitted `Pipeline`: the fitted table preprocessing, the training statistics of the scaler, the learned
/// metric and the neighbours classifier.
///
/// Raw rows (`RawTable`, `RawDataset`) go through every stage. A `Matrix` is taken as the numeric features
/// after table preprocessing (the original features when the pipeline has none); a `Dataset` is taken as raw
/// numeric columns, like the one the pipeline was fitted on.
public struct FittedPipeline: Sendable, Hashable, Codable {
    /// The configuration it was fitted from.
    public let pipeline: Pipeline
    /// The fitted imputation and one-hot encoding (`nil` when the pipeline has no table preprocessing).
    public let tablePreprocessor: TablePreprocessor?
    /// The training columns' means and scales (`nil` when the pipeline does not standardize).
    public let standardization: Standardization?
    /// The classifier, holding the learned metric and the standardized training samples.
    public let classifier: NeighborsClassifier

    init(pipeline: Pipeline, tablePreprocessor: TablePreprocessor?, standardization: Standardization?,
         classifier: NeighborsClassifier) {
        self.pipeline = pipeline
        self.tablePreprocessor = tablePreprocessor
        self.standardization = standardization
        self.classifier = classifier
    }

    /// The learned metric (`nil` when the pipeline has no learner); it applies to standardized features.
    public var metric: MahalanobisMetric? { classifier.metric }

    /// The fitted stages before the classifier.
    var stages: PipelineStages {
        PipelineStages(tablePreprocessor: tablePreprocessor, standardization: standardization, metric: metric)
    }

    /// The rows of `x` standardized and mapped by the metric: the space the neighbours are found in.
    ///
    /// - Throws: `featureCountMismatch`, `nonFiniteValue`.
    public func transform(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        try stages.transform(x)
    }

    /// The predicted class of each row of `x`.
    public func predict(_ x: Matrix) throws(MetricLearnError) -> [Int] {
        try classifier.predict(try standardize(x))
    }

    /// The class probabilities of each row of `x` (rows × classes).
    public func predictProbabilities(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        try classifier.predictProbabilities(try standardize(x))
    }

    /// The fraction of `dataset`'s samples classified correctly.
    public func accuracy(on dataset: Dataset) throws(MetricLearnError) -> Double {
        try ClassificationMetrics.accuracy(trueLabels: dataset.labels, predictedLabels: try predict(dataset))
    }

    /// The classification report on `dataset`, with its class names.
    public func report(on dataset: Dataset) throws(MetricLearnError) -> ClassificationReport {
        try ClassificationReport(trueLabels: dataset.labels, predictedLabels: try predict(dataset),
                                 classNames: dataset.classNames)
    }

    /// The predicted class of each sample of `dataset`, its features read as raw numeric columns.
    func predict(_ dataset: Dataset) throws(MetricLearnError) -> [Int] {
        try predict(try features(of: dataset))
    }

    /// The numeric features of `dataset`, read as raw numeric columns: preprocessed when the pipeline has
    /// table preprocessing, as they are otherwise.
    func features(of dataset: Dataset) throws(MetricLearnError) -> Matrix {
        guard tablePreprocessor != nil else { return dataset.features }
        return try features(of: try RawTable(dataset.table))
    }

    /// `x` standardized with the training statistics (unchanged when the pipeline does not standardize).
    func standardize(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        try stages.standardize(x)
    }
}
