/// A whole classification model as one configuration value: optional standardization, then an optional
/// metric learner, then k-nearest neighbours in the learned space.
///
/// `fit` fits the three stages in order on the same data only, so cross-validating a pipeline never lets a
/// test fold leak into the scaler or the learner.
///
/// ```swift
/// let pipeline = Pipeline(learner: .whitening(Whitening()), classifier: KNearestNeighbors(neighborCount: 3))
/// let result = try crossValidate(pipeline, .wine, folds: 5, seed: 0)
/// ```
public struct Pipeline: Sendable, Hashable, Codable {
    /// Standardization of the features before everything else (`nil`: none).
    public var scaler: StandardScaler?
    /// The metric learner, fitted on the (standardized) training data (`nil`: plain Euclidean distance).
    public var learner: LearnerConfiguration?
    /// The classifier that votes in the learned space.
    public var classifier: KNearestNeighbors

    /// Creates a pipeline; by default it standardizes and classifies with 5 neighbours in Euclidean distance.
    public init(scaler: StandardScaler? = StandardScaler(), learner: LearnerConfiguration? = nil,
                classifier: KNearestNeighbors = KNearestNeighbors()) {
        self.scaler = scaler
        self.learner = learner
        self.classifier = classifier
    }

    /// Fits the scaler on `dataset`'s features, the learner on the standardized features, and the
    /// classifier on the same standardized training samples with the learned metric.
    ///
    /// - Throws: the first stage's error (class names in place of indices where an error names a class).
    public func fit(_ dataset: Dataset) throws(MetricLearnError) -> FittedPipeline {
        do {
            let standardization = try scaler.map { scaler throws(MetricLearnError) in try scaler.fit(dataset.features) }
            let features = try standardization?.transform(dataset.features) ?? dataset.features
            let metric = try learner.map { learner throws(MetricLearnError) in
                try learner.learner.fit(features, labels: dataset.labels).withFeatureNames(dataset.featureNames)
            }
            let classifier = try classifier.fit(features, labels: dataset.labels, classCount: dataset.classCount,
                                                metric: metric)
            return FittedPipeline(pipeline: self, standardization: standardization, classifier: classifier)
        } catch {
            throw dataset.namingClasses(in: error)
        }
    }
}
