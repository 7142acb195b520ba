import Foundation
@testable import MetricLearn
import Testing

/// Every parallel loop splits its work into jobs whose boundaries depend on the problem's size only, so a fit,
/// a neighbour search and a cross-validation give the same bits on 1, 2 or 3 worker threads (`Parallel.withWorkers`
/// simulates machines with other core counts, more workers than cores included).
@Suite struct WorkerCountDeterminismTests {
    /// 600 samples of 3 overlapping classes in 6 features (2 of them noise): large enough for several tiles of the
    /// stochastic-neighbour engine, several query blocks of the neighbour search and concurrent reductions.
    static let data = SyntheticData(classCount: 3, perClass: 200, featureCount: 4, noiseFeatureCount: 2,
                                    separation: 1.2, seed: 9)
    static let workerCounts = [1, 2, 3]

    private static func bits(_ matrix: Matrix) -> [UInt64] { matrix.elements.map(\.bitPattern) }

    @Test(arguments: allLearners.indices)
    func fitsAreTheSameBitsOnAnyWorkerCount(_ index: Int) throws {
        let learner = allLearners[index]
        let fits = try Self.workerCounts.map { workers in
            try Parallel.withWorkers(workers) { try learner.fit(Self.data.features, classes: Self.data.labels) }
        }
        for (workers, fit) in zip(Self.workerCounts, fits).dropFirst() {
            #expect(Self.bits(fit.components) == Self.bits(fits[0].components),
                    "\(learner.configuration.name) with \(workers) workers")
            #expect(fit.featureWeights?.map(\.weight) == fits[0].featureWeights?.map(\.weight))
        }
    }

    @Test func neighborsAreTheSameOnAnyWorkerCount() throws {
        let (train, queries) = (Self.data.features.rows(at: 0..<450), Self.data.features.rows(at: 450..<600))
        let classifier = try KNearestNeighbors(neighborCount: 5).fit(train, labels: Array(Self.data.labels[0..<450]))
        let results = try Self.workerCounts.map { workers in
            try Parallel.withWorkers(workers) {
                (try classifier.predict(queries), try classifier.predictProbabilities(queries).elements.map(\.bitPattern),
                 NeighborSearch.nearest(to: queries, in: train, count: 7))
            }
        }
        for result in results.dropFirst() {
            #expect(result.0 == results[0].0 && result.1 == results[0].1)
            #expect(result.2.indices == results[0].2.indices)
            #expect(result.2.squaredDistances.map(\.bitPattern) == results[0].2.squaredDistances.map(\.bitPattern))
        }
    }

    @Test func crossValidationIsTheSameOnAnyWorkerCountAndConcurrency() throws {
        let dataset = try Dataset(features: Self.data.features, labels: Self.data.labels, classNames: ["a", "b", "c"],
                                  featureNames: (0..<6).map { "f\($0)" })
        let pipeline = Pipeline(learner: .nca(NCA(maxIterations: 5)))
        let runs = try Self.workerCounts.map { workers in
            try Parallel.withWorkers(workers) { try crossValidate(pipeline, dataset, folds: 3, maxConcurrency: workers) }
        }
        for run in runs.dropFirst() {
            #expect(run.folds.map(\.accuracy) == runs[0].folds.map(\.accuracy))
            #expect(run.folds.map(\.iterations) == runs[0].folds.map(\.iterations))
        }
    }
}
