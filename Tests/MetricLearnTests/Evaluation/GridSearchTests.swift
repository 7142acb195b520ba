@testable import MetricLearn
import Testing

@Suite("GridSearch")
struct GridSearchTests {
    /// Six tight clusters of ten points on a line, alternating between two classes: one or three neighbours are
    /// always in the query's own cluster (perfect), 25 neighbours reach the two adjacent clusters of the other
    /// class (mostly wrong).
    private let clusters: Dataset = {
        var generator = SeededGenerator(seed: 5)
        var values: [Double] = [], labels: [Int] = []
        for cluster in 0..<6 {
            for _ in 0..<10 {
                values.append(10 * Double(cluster) + 0.1 * generator.nextGaussian())
                labels.append(cluster % 2)
            }
        }
        return try! Dataset(features: Matrix(rowCount: 60, columnCount: 1, elements: values), labels: labels,
                            classNames: ["even", "odd"], featureNames: ["position"])
    }()

    @Test("known answer: ranked by mean accuracy, ties by candidate order; best refitted on all data")
    func knownAnswer() throws {
        let candidates = Pipeline(scaler: nil).varying(\.classifier.neighborCount, over: [25, 3, 1])
        let result = try GridSearch(candidates: candidates, folds: 5, seed: 0).fit(clusters)
        #expect(result.ranking.map(\.candidateIndex) == [1, 2, 0])
        #expect(result.ranking.map(\.rank) == [1, 2, 3])
        #expect(result.ranking[0].crossValidation.accuracy.mean == 1 && result.ranking[0].crossValidation.accuracy.standardDeviation == 0)
        #expect(result.ranking[1].crossValidation.accuracy.mean == 1)
        #expect(result.ranking[2].crossValidation.accuracy.mean < 0.7)
        #expect(result.best.pipeline == candidates[1])
        #expect(result.best.classifier.index.count == 60)
        let alone = try crossValidate(candidates[0], clusters, folds: 5, seed: 0)
        #expect(result.ranking[2].crossValidation.folds.map(\.accuracy) == alone.folds.map(\.accuracy))
    }

    @Test("ranking: mean first, then lower standard deviation, then candidate order")
    func rankingOrder() {
        let scores = [[0.8, 0.8], [0.9, 0.7], [0.8, 0.8], [1, 0.6], [0.7, 0.7]].map(CrossValidationResult.Summary.init)
        // Means 0.8, 0.8, 0.8, 0.8, 0.7; deviations 0, 0.1, 0, 0.2, 0.
        #expect(GridSearch.rankingOrder(of: scores) == [0, 2, 1, 3, 4])
    }

    @Test("results do not depend on concurrency")
    func concurrency() throws {
        let candidates = Pipeline(scaler: nil).varying(\.classifier.neighborCount, over: [25, 3, 1])
            .varying(\.classifier.weighting, over: [.uniform, .distance])
        let sequential = try GridSearch(candidates: candidates, folds: 3, seed: 4).fit(clusters)
        let concurrent = try GridSearch(candidates: candidates, folds: 3, seed: 4).fit(clusters, maxConcurrency: 4)
        #expect(concurrent.ranking.map(\.candidateIndex) == sequential.ranking.map(\.candidateIndex))
        #expect(concurrent.ranking.map(\.crossValidation.accuracy) == sequential.ranking.map(\.crossValidation.accuracy))
        #expect(concurrent.best == sequential.best)
    }

    @Test("no candidates is an error")
    func empty() {
        #expect(throws: MetricLearnError.emptyInput(what: "no candidate pipelines to search")) {
            try GridSearch(candidates: []).fit(clusters)
        }
    }
}
