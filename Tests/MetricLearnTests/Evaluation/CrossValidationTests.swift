import MetricLearn
import Testing

@Suite("crossValidate")
struct CrossValidationTests {
    private let wine: Dataset
    private let pipeline = Pipeline(learner: .whitening(Whitening(mode: .withinClass, shrinkage: .none)),
                                    classifier: KNearestNeighbors(neighborCount: 3))

    init() throws { wine = try Dataset.wine }

    /// The fold scores without the measured seconds, which are the only part allowed to differ between runs.
    private func scores(_ result: CrossValidationResult) -> [[Double]] {
        result.folds.map { [Double($0.index), Double($0.trainCount), Double($0.testCount), $0.accuracy,
                            $0.balancedAccuracy, Double($0.iterations), $0.didConverge ? 1 : 0] }
    }

    @Test("each fold is fitted on its training samples only and scored on its test samples")
    func foldsMatchManualEvaluation() throws {
        let result = try crossValidate(pipeline, wine, folds: 4, seed: 11)
        let folds = try StratifiedKFold(foldCount: 4, seed: 11).folds(labels: wine.labels)
        #expect(result.folds.count == 4 && result.seed == 11 && result.pipeline == pipeline)
        for (fold, split) in zip(result.folds, folds) {
            let train = wine.subset(rows: split.trainIndices), test = wine.subset(rows: split.testIndices)
            let predicted = try pipeline.fit(train).predict(test.features)
            #expect(fold.trainCount == train.sampleCount && fold.testCount == test.sampleCount)
            #expect(fold.accuracy == (try ClassificationMetrics.accuracy(trueLabels: test.labels, predictedLabels: predicted)))
            #expect(fold.balancedAccuracy == (try ClassificationMetrics.balancedAccuracy(trueLabels: test.labels,
                                                                                         predictedLabels: predicted)))
            #expect(fold.iterations == 0 && fold.didConverge && fold.fitSeconds >= 0)
            #expect(fold.predictSeconds >= 0 && fold.predictSeconds.isFinite)
            #expect(fold.learnerFitSeconds > 0 && fold.learnerFitSeconds <= fold.fitSeconds)
        }
        #expect(result.folds.map(\.testCount).reduce(0, +) == wine.sampleCount)
        #expect(result.accuracy.mean > 0.9)
    }

    @Test("the learner's own fit seconds are 0 without a learner")
    func learnerFitSecondsWithoutLearner() throws {
        let result = try crossValidate(Pipeline(classifier: KNearestNeighbors(neighborCount: 3)), wine, folds: 3)
        #expect(result.folds.map(\.learnerFitSeconds) == [0, 0, 0] && result.learnerFitSeconds.mean == 0)
        #expect(result.folds.allSatisfy { $0.fitSeconds > 0 })
    }

    @Test("mean and population standard deviation (ddof 0) over the folds")
    func summary() throws {
        let result = try crossValidate(pipeline, wine, folds: 5, seed: 3)
        let accuracies = result.folds.map(\.accuracy)
        let mean = accuracies.reduce(0, +) / 5
        let populationDeviation = (accuracies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 5).squareRoot()
        #expect(abs(result.accuracy.mean - mean) < 1e-15)
        #expect(abs(result.accuracy.standardDeviation - populationDeviation) < 1e-15)
        #expect(result.accuracy.standardDeviation > 0)
        #expect(result.didConvergeEverywhere)
        let predictSeconds = result.folds.map(\.predictSeconds)
        #expect(predictSeconds.count == 5 && predictSeconds.allSatisfy { $0 >= 0 && $0.isFinite })
        #expect(abs(result.predictSeconds.mean - predictSeconds.reduce(0, +) / 5) <= 1e-15 * predictSeconds.reduce(0, +))
    }

    @Test("identical results across runs and concurrency levels", arguments: [2, 3, 8])
    func determinism(maxConcurrency: Int) throws {
        let sequential = try crossValidate(pipeline, wine, folds: 5, seed: 7)
        let concurrent = try crossValidate(pipeline, wine, folds: 5, seed: 7, maxConcurrency: maxConcurrency)
        #expect(scores(concurrent) == scores(sequential))
        #expect(scores(try crossValidate(pipeline, wine, folds: 5, seed: 7)) == scores(sequential))
        #expect(scores(try crossValidate(pipeline, wine, folds: 5, seed: 8)) != scores(sequential))
    }

    @Test("an iterative learner reports its iterations and convergence per fold, the same on every thread count")
    func iterativeLearner() throws {
        let iris = try Dataset.iris
        let nca = Pipeline(learner: .nca(NCA(componentCount: 2, maxIterations: 3)),
                           classifier: KNearestNeighbors(neighborCount: 3))
        let result = try crossValidate(nca, iris, folds: 3, seed: 1)
        #expect(result.folds.allSatisfy { $0.iterations >= 1 && $0.iterations <= 3 })
        let firstFold = try StratifiedKFold(foldCount: 3, seed: 1).folds(labels: iris.labels)[0]
        let report = try #require(try nca.fit(iris.subset(rows: firstFold.trainIndices)).metric?.report)
        #expect(result.folds[0].iterations == report.iterations && result.folds[0].didConverge == report.didConverge)
        #expect(scores(try crossValidate(nca, iris, folds: 3, seed: 1, maxConcurrency: 3)) == scores(result))
    }

    @Test("errors are the same with and without concurrency", arguments: [1, 3])
    func errors(maxConcurrency: Int) {
        let failing = Pipeline(learner: .whitening(Whitening(componentCount: 20)))
        #expect(throws: MetricLearnError.invalidParameter(name: "componentCount", value: "20",
                                                          requirement: "must be between 1 and the feature count (13)")) {
            try crossValidate(failing, wine, folds: 3, maxConcurrency: maxConcurrency)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "maxConcurrency", value: "0", requirement: "must be at least 1")) {
            try crossValidate(pipeline, wine, maxConcurrency: 0)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "foldCount", value: "1", requirement: "must be at least 2")) {
            try crossValidate(pipeline, wine, folds: 1)
        }
    }

    @Test("given folds are replayed exactly and validated")
    func givenFolds() throws {
        let generated = try StratifiedKFold(foldCount: 3, seed: 5).folds(labels: wine.labels)
        let replayed = try generated.map { fold throws(MetricLearnError) in
            try StratifiedKFold.Fold(testIndices: fold.testIndices.reversed(), sampleCount: wine.sampleCount)
        }
        #expect(replayed == generated)
        let byFolds = try crossValidate(pipeline, wine, splits: replayed)
        let bySeed = try crossValidate(pipeline, wine, folds: 3, seed: 5)
        #expect(scores(byFolds) == scores(bySeed) && byFolds.seed == nil)
        #expect(throws: MetricLearnError.self) { try StratifiedKFold.Fold(testIndices: [0, 0], sampleCount: 5) }
        #expect(throws: MetricLearnError.self) { try StratifiedKFold.Fold(testIndices: [5], sampleCount: 5) }
        #expect(throws: MetricLearnError.self) { try StratifiedKFold.Fold(testIndices: [0, 1], sampleCount: 2) }
        #expect(throws: MetricLearnError.self) { try crossValidate(pipeline, wine, splits: []) }
    }
}
