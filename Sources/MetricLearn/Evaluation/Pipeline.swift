/// A whole classification model as one configuration value: optional table preprocessing (imputation and
/// one-hot encoding of a `RawDataset`), optional standardization, then an optional metric learner, then
/// k-nearest neighbours in the learned space.
///
/// `fit` fits the stages in order on the same data only, so cross-validating a pipeline never lets a test
/// fold leak into the imputation statistics, the categories, the scaler or the learner.
///
/// ```swift
/// let pipeline = Pipeline(learner: .whitening(Whitening()), classifier: KNearestNeighbors(neighborCount: 3))
/// let result = try crossValidate(pipeline, .wine, folds: 5, seed: 0)
///
/// let penguins = try RawDataset(csvFile: "penguins.csv", labelColumn: .named("species"), missingValues: .accept)
/// let tabular = Pipeline(tablePreprocessing: TablePreprocessing(imputer: Imputer(numbers: .median)))
/// let scores = try crossValidate(tabular, penguins, folds: 5, seed: 0)
/// ```
public struct Pipeline: Sendable, Hashable, Codable, GridCandidate {
    /// Imputation and one-hot encoding, fitted first (`nil`: the data must be numeric without missing cells).
    /// A numeric `Dataset` goes through it as a table of numeric columns (NaN cells missing).
    public var tablePreprocessing: TablePreprocessing?
    /// Standardization of the features before everything else (`nil`: none).
    public var scaler: StandardScaler?
    /// The metric learner, fitted on the (standardized) training data (`nil`: plain Euclidean distance).
    public var learner: LearnerConfiguration?
    /// The classifier that votes in the learned space.
    public var classifier: KNearestNeighbors

    /// Creates a pipeline; by default it standardizes and classifies with 5 neighbours in Euclidean distance.
    public init(tablePreprocessing: TablePreprocessing? = nil, scaler: StandardScaler? = StandardScaler(),
                learner: LearnerConfiguration? = nil, classifier: KNearestNeighbors = KNearestNeighbors()) {
        self.tablePreprocessing = tablePreprocessing
        self.scaler = scaler
        self.learner = learner
        self.classifier = classifier
    }

    /// Fits the scaler on `dataset`'s features, the learner on the standardized features, and the
    /// classifier on the same standardized training samples with the learned metric; with table
    /// preprocessing, fits that first on `dataset` as a table of numeric columns.
    ///
    /// - Throws: the first stage's error (class names in place of indices where an error names a class).
    public func fit(_ dataset: Dataset) throws(MetricLearnError) -> FittedPipeline {
        guard tablePreprocessing == nil else { return try fit(try RawDataset(dataset)) }
        return try fitNumeric(dataset, tablePreprocessor: nil)
    }

    /// Fits the table preprocessing on `dataset`, then the other stages on the numbers it gives. Without
    /// table preprocessing every column must be numeric and complete.
    ///
    /// - Throws: the table preprocessing's errors (`missingValue`, `emptyInput` naming an all-missing
    ///   column, …), `invalidParameter` (named `columns`) for a categorical column without table
    ///   preprocessing, then as `fit(_: Dataset)`.
    public func fit(_ dataset: RawDataset) throws(MetricLearnError) -> FittedPipeline {
        guard let tablePreprocessing else { return try fitNumeric(try Dataset(dataset), tablePreprocessor: nil) }
        let preprocessor = try tablePreprocessing.fit(dataset)
        return try fitNumeric(try preprocessor.transform(dataset), tablePreprocessor: preprocessor)
    }

    /// Fits the stages after table preprocessing on the numeric `dataset`.
    private func fitNumeric(_ dataset: Dataset, tablePreprocessor: TablePreprocessor?)
        throws(MetricLearnError) -> FittedPipeline {
        do {
            let (stages, standardized) = try PipelineStages.fit(scaler: scaler, learner: learner, on: dataset,
                                                                tablePreprocessor: tablePreprocessor)
            let classifier = try classifier.fit(standardized.features, labels: dataset.labels,
                                                classCount: dataset.classCount, metric: stages.metric)
            return FittedPipeline(pipeline: self, tablePreprocessor: tablePreprocessor,
                                  standardization: stages.standardization, classifier: classifier)
        } catch {
            throw dataset.namingClasses(in: error)
        }
    }
}
