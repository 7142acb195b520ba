/// The fitted stages a pipeline runs before its neighbours (table preprocessing, standardization, metric), shared
/// by `FittedPipeline` and `FittedRegressionPipeline`: how they turn raw rows or features into the space the
/// neighbours are found in.
struct PipelineStages {
    /// The fitted imputation and one-hot encoding (nil without table preprocessing).
    let tablePreprocessor: TablePreprocessor?
    /// The training columns' means and scales (nil without a scaler).
    let standardization: Standardization?
    /// The learned metric (nil without a learner).
    let metric: MahalanobisMetric?

    /// The scaler and then the learner fitted on `samples` (already table-preprocessed): the stages, and the
    /// samples standardized, on which the neighbours are fitted. Errors name classes by index.
    static func fit<Samples: LearnerSamples>(scaler: StandardScaler?, learner: LearnerConfiguration?, on samples: Samples,
                                             tablePreprocessor: TablePreprocessor?)
        throws(MetricLearnError) -> (stages: PipelineStages, standardized: Samples) {
        let (standardization, standardized) = try samples.standardized(by: scaler)
        let metric = try learner.map { learner throws(MetricLearnError) in
            try standardized.fit(learner.learner, progress: nil)
        }
        return (PipelineStages(tablePreprocessor: tablePreprocessor, standardization: standardization, metric: metric),
                standardized)
    }

    /// The numeric features of `table`: preprocessed, or its numeric columns as they are without table
    /// preprocessing.
    func features(of table: RawTable) throws(MetricLearnError) -> Matrix {
        guard let tablePreprocessor else { return try FeatureTable(table).features }
        return try tablePreprocessor.transform(table).features
    }

    /// `x` standardized with the training statistics (unchanged without a scaler).
    func standardize(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        guard let standardization else { return x }
        return try standardization.transform(x)
    }

    /// The rows of `x` standardized and mapped by the metric.
    func transform(_ x: Matrix) throws(MetricLearnError) -> Matrix {
        let standardized = try standardize(x)
        guard let metric else { return standardized }
        return try metric.transform(standardized)
    }
}
