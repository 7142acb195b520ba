/// A whole regression model as one configuration value: optional table preprocessing, optional standardization,
/// an optional metric learner of regression targets (`MLKR`), then k-nearest-neighbour regression in the learned
/// space. The regression counterpart of `Pipeline`, fitted the same way: every stage on the same training data
/// only, so cross-validation never leaks a test fold into a fitted stage.
///
/// ```swift
/// let pipeline = RegressionPipeline(learner: .mlkr(MLKR()), regressor: KNearestNeighbors(neighborCount: 5))
/// let result = try crossValidate(pipeline, .diabetes, folds: 5, seed: 0)
/// print(result.r2.mean)
/// ```
public struct RegressionPipeline: Sendable, Hashable, Codable, GridCandidate {
    /// Imputation and one-hot encoding, fitted first (`nil`: the data must be numeric without missing cells).
    public var tablePreprocessing: TablePreprocessing?
    /// Standardization of the features before the learner (`nil`: none).
    public var scaler: StandardScaler?
    /// The metric learner, fitted on the (standardized) training features and targets (`nil`: Euclidean distance).
    public var learner: LearnerConfiguration?
    /// The regressor that averages the neighbours' targets in the learned space.
    public var regressor: KNearestNeighbors

    /// Creates a pipeline; by default it standardizes and averages 5 neighbours in Euclidean distance.
    public init(tablePreprocessing: TablePreprocessing? = nil, scaler: StandardScaler? = StandardScaler(),
                learner: LearnerConfiguration? = nil, regressor: KNearestNeighbors = KNearestNeighbors()) {
        self.tablePreprocessing = tablePreprocessing
        self.scaler = scaler
        self.learner = learner
        self.regressor = regressor
    }

    /// Fits the scaler on `dataset`'s features, the learner on the standardized features and the targets, and
    /// the regressor on the same standardized samples with the learned metric; with table preprocessing, fits
    /// that first on `dataset` as a table of numeric columns.
    ///
    /// - Throws: the first stage's error (`unsupportedSupervision` for a learner of class labels).
    public func fit(_ dataset: RegressionDataset) throws(MetricLearnError) -> FittedRegressionPipeline {
        guard tablePreprocessing == nil else { return try fit(try RawRegressionDataset(dataset)) }
        return try fitNumeric(dataset, tablePreprocessor: nil)
    }

    /// Fits the table preprocessing on `dataset`, then the other stages on the numbers it gives. Without table
    /// preprocessing every column must be numeric and complete.
    public func fit(_ dataset: RawRegressionDataset) throws(MetricLearnError) -> FittedRegressionPipeline {
        guard let tablePreprocessing else { return try fitNumeric(try RegressionDataset(dataset), tablePreprocessor: nil) }
        let preprocessor = try tablePreprocessing.fit(dataset.table)
        return try fitNumeric(try preprocessor.transform(dataset), tablePreprocessor: preprocessor)
    }

    private func fitNumeric(_ dataset: RegressionDataset, tablePreprocessor: TablePreprocessor?)
        throws(MetricLearnError) -> FittedRegressionPipeline {
        let (stages, standardized) = try PipelineStages.fit(scaler: scaler, learner: learner, on: dataset,
                                                            tablePreprocessor: tablePreprocessor)
        return FittedRegressionPipeline(pipeline: self, stages: stages,
                                        regressor: try regressor.fit(standardized, metric: stages.metric))
    }
}
