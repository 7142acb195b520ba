import MetricLearn
import Testing

@Suite("Pipeline")
struct PipelineTests {
    private let wine: Dataset

    init() throws { wine = try Dataset.wine }

    @Test("no leakage: the scaler and the learner see only the training fold")
    func fitsOnTrainingDataOnly() throws {
        let fold = try StratifiedKFold(foldCount: 4, seed: 2).folds(labels: wine.labels)[1]
        let train = wine.subset(rows: fold.trainIndices)
        let fitted = try Pipeline(learner: .whitening(Whitening())).fit(train)
        let standardization = try #require(fitted.standardization)
        let trainMeans = train.features.columnMeans(), allMeans = wine.features.columnMeans()
        for j in 0..<wine.featureCount {
            #expect(abs(standardization.means[j] - trainMeans[j]) <= 1e-12 * max(1, abs(trainMeans[j])))
        }
        #expect(zip(standardization.means, allMeans).contains { abs($0 - $1) > 1e-6 * max(1, abs($1)) })
        // The learner was fitted on the standardized training fold, with the dataset's feature names.
        let expected = try Whitening().fit(try standardization.transform(train.features), labels: train.labels)
        let metric = try #require(fitted.metric)
        #expect(metric.mahalanobisMatrix.maxAbsoluteDifference(from: expected.mahalanobisMatrix) <= 1e-12)
        #expect(metric.featureNames == wine.featureNames)
    }

    @Test("a fitted pipeline predicts like its stages composed by hand")
    func composition() throws {
        let (train, test) = try wine.stratifiedSplit(testFraction: 0.3, seed: 1)
        let pipeline = Pipeline(learner: .whitening(Whitening(shrinkage: .ledoitWolf)),
                                classifier: KNearestNeighbors(neighborCount: 3, weighting: .distance))
        let fitted = try pipeline.fit(train)
        let standardization = try StandardScaler().fit(train.features)
        let z = try standardization.transform(train.features)
        let metric = try Whitening(shrinkage: .ledoitWolf).fit(z, labels: train.labels)
        let classifier = try KNearestNeighbors(neighborCount: 3, weighting: .distance).fit(z, labels: train.labels, metric: metric)
        let predicted = try fitted.predict(test.features)
        #expect(predicted == (try classifier.predict(try standardization.transform(test.features))))
        #expect(try fitted.accuracy(on: test) == ClassificationMetrics.accuracy(trueLabels: test.labels, predictedLabels: predicted))
        let report = try fitted.report(on: test)
        let accuracy = try fitted.accuracy(on: test)
        #expect(report.classNames == wine.classNames && report.accuracy == accuracy)
        #expect(try fitted.transform(test.features).columnCount == metric.outputDimension)
    }

    @Test("without scaler and learner it is plain Euclidean kNN")
    func bare() throws {
        let (train, test) = try wine.stratifiedSplit(testFraction: 0.3, seed: 1)
        let fitted = try Pipeline(scaler: nil).fit(train)
        #expect(fitted.standardization == nil && fitted.metric == nil)
        #expect(try fitted.predict(test.features) == KNearestNeighbors().fit(train).predict(test.features))
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 13, actual: 2)) {
            try fitted.predict(Matrix(rows: [[1, 2]]))
        }
    }

    @Test("varying builds the grid with the last axis fastest")
    func varying() {
        let grid = Pipeline()
            .varying(\.classifier.neighborCount, over: [1, 3])
            .varying(\.classifier.weighting, over: [.uniform, .distance])
            .varying(\.learner, over: [nil, .whitening(Whitening())])
        #expect(grid.count == 8)
        #expect(grid.map(\.classifier.neighborCount) == [1, 1, 1, 1, 3, 3, 3, 3])
        #expect(grid.map(\.classifier.weighting) == [.uniform, .uniform, .distance, .distance,
                                                      .uniform, .uniform, .distance, .distance])
        #expect(grid.map { $0.learner == nil } == [true, false, true, false, true, false, true, false])
    }
}
