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
    /// The classes `fitted` predicts for these samples.
    func predictions(of fitted: FittedPipeline) throws(MetricLearnError) -> [Int]
}

extension Dataset: PipelineSamples {
    func fit(_ pipeline: Pipeline) throws(MetricLearnError) -> FittedPipeline { try pipeline.fit(self) }
    func predictions(of fitted: FittedPipeline) throws(MetricLearnError) -> [Int] { try fitted.predict(self) }
}

extension RawDataset: PipelineSamples {
    func fit(_ pipeline: Pipeline) throws(MetricLearnError) -> FittedPipeline { try pipeline.fit(self) }
    func predictions(of fitted: FittedPipeline) throws(MetricLearnError) -> [Int] { try fitted.predict(table) }
}
