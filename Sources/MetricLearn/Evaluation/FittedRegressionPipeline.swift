/// A fitted `RegressionPipeline`: the fitted table preprocessing, the scaler's training statistics, the learned
/// metric and the neighbours regressor. Raw rows (`RawTable`) go through every stage; a `Matrix` is taken as the
/// numeric features after table preprocessing.
public struct FittedRegressionPipeline: Sendable, Hashable, Codable {
    /// The configuration it was fitted from.
    public let pipeline: RegressionPipeline
    /// The fitted imputation and one-hot encoding (`nil` when the pipeline has no table preprocessing).
    public let tablePreprocessor: TablePreprocessor?
    /// The training columns' means and scales (`nil` when the pipeline does not standardize).
    public let standardization: Standardization?
    /// The regressor, holding the learned metric and the standardized training samples.
    public let regressor: NeighborsRegressor

    init(pipeline: RegressionPipeline, stages: PipelineStages, regressor: NeighborsRegressor) {
        self.pipeline = pipeline
        tablePreprocessor = stages.tablePreprocessor
        standardization = stages.standardization
        self.regressor = regressor
    }

    /// The learned metric (`nil` when the pipeline has no learner); it applies to standardized features.
    public var metric: MahalanobisMetric? { regressor.metric }

    /// The fitted stages before the regressor.
    var stages: PipelineStages {
        PipelineStages(tablePreprocessor: tablePreprocessor, standardization: standardization, metric: metric)
    }

    /// The rows of `x` standardized and mapped by the metric: the space the neighbours are found in.
    public func transform(_ x: Matrix) throws(MetricLearnError) -> Matrix { try stages.transform(x) }

    /// The predicted target of each row of `x`.
    public func predict(_ x: Matrix) throws(MetricLearnError) -> [Double] {
        try regressor.predict(try stages.standardize(x))
    }

    /// The numeric features of `table`: preprocessed, or its numeric columns as they are without table preprocessing.
    public func features(of table: RawTable) throws(MetricLearnError) -> Matrix { try stages.features(of: table) }

    /// The predicted target of each row of `table`.
    public func predict(_ table: RawTable) throws(MetricLearnError) -> [Double] {
        try predict(try features(of: table))
    }

    /// R² of the predictions for `dataset`, its features read as raw numeric columns like the training data's.
    public func r2(on dataset: RegressionDataset) throws(MetricLearnError) -> Double {
        try RegressionMetrics.r2(trueTargets: dataset.targets, predictedTargets: try predict(try features(of: dataset)))
    }

    /// The numeric features of `dataset`, read as raw numeric columns: preprocessed when the pipeline has table
    /// preprocessing, as they are otherwise.
    func features(of dataset: RegressionDataset) throws(MetricLearnError) -> Matrix {
        guard tablePreprocessor != nil else { return dataset.features }
        return try features(of: try RawTable(dataset.table))
    }
}
