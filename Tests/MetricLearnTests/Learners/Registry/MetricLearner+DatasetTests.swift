import MetricLearn
import Testing

@Suite struct MetricLearnerDatasetTests {
    /// A learner that always fails, to see how `fit(_: Dataset)` rewrites its error.
    struct FailingLearner: MetricLearner {
        enum Failure: String, Codable { case classOneTooSmall, invalidParameter }
        static let registration = LearnerRegistration(FailingLearner.self, name: "failing", title: "Failing",
                                                      summary: "Always fails.", discussion: "", parameters: [])
        var failure: Failure = .invalidParameter
        var isScaleInvariant: Bool { true }
        init() {}
        init(failure: Failure) { self.failure = failure }
        func fit(_ x: Matrix, supervision: Supervision, progress: ((OptimizationProgress) -> Void)?)
            throws(MetricLearnError) -> MahalanobisMetric {
            switch failure {
            case .classOneTooSmall: throw .classTooSmall(label: "1", count: 1, required: 3)
            case .invalidParameter: throw .invalidParameter(name: "k", value: "1", requirement: "r")
            }
        }
    }

    private func makeDataset() throws -> Dataset {
        let x = Matrix(rows: [[0, 0], [2, 0], [0, 2], [2, 2], [9, 9], [11, 9], [9, 11], [11, 12]])
        return try Dataset(features: x, labels: [0, 0, 0, 0, 1, 1, 1, 1], classNames: ["small", "large"],
                           featureNames: ["width", "height"])
    }

    @Test func fitsOnFeaturesAndLabelsAndKeepsFeatureNames() throws {
        let dataset = try makeDataset()
        let metric = try Whitening(mode: .withinClass).fit(dataset)
        let direct = try Whitening(mode: .withinClass).fit(dataset.features, labels: dataset.labels)
        #expect(metric.components == direct.components)
        #expect(metric.featureNames == ["width", "height"])
    }

    @Test func singleClassErrorNamesTheClass() throws {
        let oneClass = try makeDataset().subset(rows: [4, 5, 6, 7])
        #expect(throws: MetricLearnError.singleClass(label: "large")) { try Whitening().fit(oneClass) }
    }

    @Test func classTooSmallErrorNamesTheClass() throws {
        let dataset = try makeDataset()
        let learner = FailingLearner(failure: .classOneTooSmall)
        #expect(throws: MetricLearnError.classTooSmall(label: "large", count: 1, required: 3)) { try learner.fit(dataset) }
    }

    @Test func otherErrorsPassUnchanged() throws {
        let dataset = try makeDataset()
        let learner = FailingLearner(failure: .invalidParameter)
        #expect(throws: MetricLearnError.invalidParameter(name: "k", value: "1", requirement: "r")) {
            try learner.fit(dataset)
        }
    }
}
