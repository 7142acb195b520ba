import Foundation
import MetricLearn
import Testing

@Suite("crossValidate (regression)")
struct RegressionCrossValidationTests {
    private let diabetes: RegressionDataset
    private let pipeline = RegressionPipeline(learner: .mlkr(MLKR(componentCount: 3, maxIterations: 5)),
                                              regressor: KNearestNeighbors(neighborCount: 5))

    init() throws { diabetes = try RegressionDataset.diabetes.subset(rows: 0..<150) }

    /// The fold scores without the measured seconds.
    private func scores(_ result: RegressionCrossValidationResult) -> [[Double]] {
        result.folds.map { [Double($0.index), Double($0.trainCount), Double($0.testCount), $0.r2,
                            $0.rootMeanSquaredError, $0.meanAbsoluteError, Double($0.iterations)] }
    }

    @Test("each fold is fitted on its training samples only and scored on its test samples")
    func foldsMatchManualEvaluation() throws {
        let result = try crossValidate(pipeline, diabetes, folds: 4, seed: 11)
        let folds = try KFold(foldCount: 4, seed: 11).folds(sampleCount: diabetes.sampleCount)
        #expect(result.folds.count == 4 && result.seed == 11 && result.pipeline == pipeline)
        for (fold, split) in zip(result.folds, folds) {
            let train = diabetes.subset(rows: split.trainIndices), test = diabetes.subset(rows: split.testIndices)
            let predicted = try pipeline.fit(train).predict(test.features)
            #expect(fold.trainCount == train.sampleCount && fold.testCount == test.sampleCount)
            #expect(fold.r2 == (try RegressionMetrics.r2(trueTargets: test.targets, predictedTargets: predicted)))
            #expect(fold.rootMeanSquaredError
                == (try RegressionMetrics.rootMeanSquaredError(trueTargets: test.targets, predictedTargets: predicted)))
            #expect(fold.meanAbsoluteError
                == (try RegressionMetrics.meanAbsoluteError(trueTargets: test.targets, predictedTargets: predicted)))
            #expect(fold.iterations > 0 && fold.fitSeconds >= 0 && fold.predictSeconds >= 0)
            #expect(fold.learnerFitSeconds > 0 && fold.learnerFitSeconds <= fold.fitSeconds)
        }
        #expect(result.folds.map(\.testCount).reduce(0, +) == diabetes.sampleCount)
        let r2 = result.folds.map(\.r2)
        #expect(abs(result.r2.mean - r2.reduce(0, +) / 4) < 1e-15)
    }

    @Test("identical results across runs and concurrency levels; given folds replay seeded ones")
    func determinism() throws {
        let sequential = try crossValidate(pipeline, diabetes, folds: 5, seed: 7)
        #expect(scores(try crossValidate(pipeline, diabetes, folds: 5, seed: 7, maxConcurrency: 3)) == scores(sequential))
        #expect(scores(try crossValidate(pipeline, diabetes, folds: 5, seed: 8)) != scores(sequential))
        let splits = try KFold(foldCount: 5, seed: 7).folds(sampleCount: diabetes.sampleCount)
        let given = try crossValidate(pipeline, diabetes, splits: splits)
        #expect(scores(given) == scores(sequential) && given.seed == nil)
    }

    @Test("an overflow in a fold names the dataset's row, not the fold's")
    func anOverflowInAFoldNamesTheDatasetRow() throws {
        var rows = (0..<12).map { [Double($0 % 4), Double($0 % 3)] }
        rows[9] = [1e200, 1e200]
        let dataset = try RegressionDataset(features: Matrix(rows: rows), targets: (0..<12).map(Double.init),
                                            featureNames: ["u", "v"])
        let splits = [try StratifiedKFold.Fold(testIndices: [8, 9, 10, 11], sampleCount: 12),
                      try StratifiedKFold.Fold(testIndices: [0, 1, 2, 3], sampleCount: 12)]
        #expect(throws: MetricLearnError.overflow(row: 9, column: nil, what: "the squared distance to the row")) {
            try crossValidate(RegressionPipeline(scaler: nil, regressor: KNearestNeighbors(neighborCount: 1)), dataset,
                              splits: splits)
        }
    }

    @Test("a raw table's preprocessing is fitted inside each fold")
    func rawTables() throws {
        let raw = try RawRegressionDataset(diabetes)
        var preprocessed = RegressionPipeline(regressor: KNearestNeighbors(neighborCount: 3))
        preprocessed.tablePreprocessing = TablePreprocessing(imputer: Imputer(numbers: .median))
        let rawResult = try crossValidate(preprocessed, raw, folds: 3, seed: 2)
        let numeric = try crossValidate(RegressionPipeline(regressor: KNearestNeighbors(neighborCount: 3)), diabetes,
                                        folds: 3, seed: 2)
        // Nothing is missing, so imputing changes nothing.
        #expect(scores(rawResult) == scores(numeric))
    }

    @Test("a learner of class labels is refused")
    func learnersOfClassLabelsAreRefused() {
        #expect(throws: MetricLearnError.unsupportedSupervision(learner: "nca", given: "regression targets",
                                                                accepted: ["class labels"])) {
            try crossValidate(RegressionPipeline(learner: .nca(NCA())), diabetes, folds: 3)
        }
    }
}

@Suite("RegressionGridSearch")
struct RegressionGridSearchTests {
    @Test("ranked by mean R², the best refitted on all data")
    func knownAnswer() throws {
        // The target is the first feature exactly: one neighbour predicts it best, many neighbours blur it.
        var generator = SeededGenerator(seed: 3)
        let x = Matrix(rowCount: 60, columnCount: 1, elements: (0..<60).map { _ in 10 * generator.nextUniform() })
        let data = try RegressionDataset(features: x, targets: x.column(0), featureNames: ["x"])
        let candidates = RegressionPipeline(scaler: nil).varying(\.regressor.neighborCount, over: [30, 1, 5])
        let result = try RegressionGridSearch(candidates: candidates, folds: 5, seed: 0).fit(data, maxConcurrency: 2)
        #expect(result.ranking.map(\.candidateIndex) == [1, 2, 0])
        #expect(result.ranking.map(\.rank) == [1, 2, 3])
        #expect(result.best.pipeline == candidates[1] && result.best.regressor.index.count == 60)
        let alone = try crossValidate(candidates[0], data, folds: 5, seed: 0)
        #expect(result.ranking[2].crossValidation.folds.map(\.r2) == alone.folds.map(\.r2))
        #expect(throws: MetricLearnError.emptyInput(what: "no candidate pipelines to search")) {
            try RegressionGridSearch(candidates: []).fit(data)
        }
    }
}

@Suite("RegressionPipeline")
struct RegressionPipelineTests {
    @Test("fit standardizes, learns and indexes the training data; predicts raw rows through every stage")
    func stages() throws {
        let diabetes = try RegressionDataset.diabetes
        let pipeline = RegressionPipeline(learner: .mlkr(MLKR(componentCount: 2, maxIterations: 3)))
        let fitted = try pipeline.fit(diabetes)
        let standardization = try StandardScaler().fit(diabetes.features)
        #expect(fitted.standardization == standardization)
        let standardized = try standardization.transform(diabetes.features)
        let metric = try MLKR(componentCount: 2, maxIterations: 3).fit(standardized, targets: diabetes.targets)
        #expect(fitted.metric?.components == metric.components)
        #expect(try fitted.transform(diabetes.features) == (try metric.transform(standardized)))
        let table = try RawTable(diabetes.table)
        #expect(try fitted.predict(table) == (try fitted.predict(diabetes.features)))
        #expect(try fitted.r2(on: diabetes) > 0.3)
        let encoded = try JSONEncoder().encode(fitted)
        #expect(try JSONDecoder().decode(FittedRegressionPipeline.self, from: encoded) == fitted)
    }
}
