/// The labelled data a pipeline is cross-validated and grid-searched on: a numeric `Dataset` or a
/// `RawDataset`. One generic fold loop serves both.
protocol PipelineSamples: Sendable {
    /// The class index of each sample.
    var labels: [Int] { get }
    /// The class names the labels index into.
    var classNames: [String] { get }
    /// The number of samples.
    var sampleCount: Int { get }
    /// The samples at `rows`, in that order, with the same class names.
    func subset(rows: some Collection<Int>) -> Self
    /// `pipeline` fitted on these samples.
    func fit(_ pipeline: Pipeline) throws(MetricLearnError) -> FittedPipeline
    /// These samples as `fitted`'s classifier takes them: table-preprocessed and standardized.
    func queries(for fitted: FittedPipeline) throws(MetricLearnError) -> Matrix
}

extension Dataset: PipelineSamples {
    func fit(_ pipeline: Pipeline) throws(MetricLearnError) -> FittedPipeline { try pipeline.fit(self) }
    func queries(for fitted: FittedPipeline) throws(MetricLearnError) -> Matrix {
        try fitted.standardize(try fitted.features(of: self))
    }
}

extension RawDataset: PipelineSamples {
    func fit(_ pipeline: Pipeline) throws(MetricLearnError) -> FittedPipeline { try pipeline.fit(self) }
    func queries(for fitted: FittedPipeline) throws(MetricLearnError) -> Matrix {
        try fitted.standardize(try fitted.features(of: table))
    }
}
