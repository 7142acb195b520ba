import Foundation
@testable import MetricLearn
import Testing

@Suite struct AutoLearnerTests {
    let x: Matrix            // iris, standardised
    let y: [Int]

    init() throws {
        let iris = try Dataset.iris
        x = try standardized(iris.features)
        y = iris.labels
    }

    /// Euclidean and every other learner of class labels, each once, in registry order.
    @Test func candidatesAreEuclideanAndEveryOtherLearnerOfClassLabels() {
        let names = AutoLearner().candidates.map { $0?.name ?? "euclidean" }
        let expected = ["euclidean"] + LearnerRegistry.learners(learningFrom: .classLabels).map(\.name).filter { $0 != "auto" }
        #expect(names == expected)
        #expect(AutoLearner(seed: 9).candidates.compactMap { $0 }.allSatisfy { candidate in
            candidate.registration.parameter(named: "seed")?.value(in: candidate.learner)?.parameterText ?? "9" == "9"
        })
    }

    /// The ranking has every candidate once, best first by mean accuracy; the metric is the winner's own fit on all
    /// the data, and the report records the auto configuration.
    @Test func refitsTheWinnerOnAllTheData() throws {
        let auto = AutoLearner(folds: 3, seed: 1)
        let metric = try auto.fit(x, labels: y)
        let ranking = try #require(metric.report.ranking)
        #expect(ranking.entries.count == auto.candidates.count)
        #expect(Set(ranking.entries.map(\.name)).count == ranking.entries.count)
        let means = ranking.entries.compactMap { $0.accuracy?.mean }
        #expect(means == means.sorted(by: >))
        #expect(metric.report.learner == auto.configuration)
        let winner = try #require(auto.candidates.first { ($0?.name ?? "euclidean") == ranking.winner.name })
        let expected = try winner.map { try $0.learner.fit(x, labels: y).components } ?? .identity(x.columnCount)
        #expect(metric.components == expected)
    }

    /// The winner's inner accuracy is what cross-validating it alone on the same folds gives.
    @Test func rankingScoresAreTheCandidatesCrossValidation() throws {
        let auto = AutoLearner(folds: 3, neighborCount: 3, seed: 0)
        let ranking = try #require(try auto.fit(x, labels: y).report.ranking)
        let dataset = try Dataset(features: x, labels: y, classNames: ["0", "1", "2"],
                                  featureNames: (0..<x.columnCount).map { "x\($0)" })
        let lfda = try #require(ranking.entries.first { $0.name == "lfda" })
        let alone = try crossValidate(Pipeline(scaler: nil, learner: .lfda(LFDA()),
                                               classifier: KNearestNeighbors(neighborCount: 3)),
                                      dataset, folds: 3, seed: 0)
        #expect(lfda.accuracy == alone.accuracy)
    }

    /// Regression targets are not its supervision; fewer than two folds is refused.
    @Test func refusals() {
        #expect(throws: MetricLearnError.self) { try AutoLearner().fit(x, targets: x.column(0)) }
        #expect(throws: MetricLearnError.invalidParameter(name: "folds", value: "1", requirement: "must be at least 2")) {
            try AutoLearner(folds: 1).fit(x, labels: y)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "folds", value: "151",
                                                          requirement: "must be at most the number of samples (150)")) {
            try AutoLearner(folds: 151).fit(x, labels: y)
        }
    }

    /// The ranking is stored in the model file and read back.
    @Test func rankingSurvivesTheModelFile() throws {
        let metric = try AutoLearner(folds: 2).fit(x, labels: y)
        let data = try JSONEncoder().encode(ModelFile(metric: metric))
        let read = try JSONDecoder().decode(ModelFile.self, from: data)
        #expect(read.metric.report.ranking == metric.report.ranking)
        #expect(read.metric.report.ranking != nil)
    }
}
