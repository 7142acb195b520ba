import Foundation
import MetricLearn
import Testing

/// The same configuration and data give the same model, byte for byte (minus `report.fitSeconds` and an `auto`
/// ranking's fit seconds, which measure the wall clock), however many fits run at once.
@Suite struct DeterminismTests {
    let data = SyntheticData(classCount: 3, perClass: 20, featureCount: 4, noiseFeatureCount: 2)

    /// The sorted-key JSON of `metric` with every fit time set to 0: what must not vary between runs.
    static func modelBytes(_ metric: MahalanobisMetric) throws -> Data {
        var report = metric.report
        report.fitSeconds = 0
        if var ranking = report.ranking {
            for index in ranking.entries.indices where ranking.entries[index].fitSeconds != nil {
                ranking.entries[index].fitSeconds = 0
            }
            report.ranking = ranking
        }
        let timeless = MahalanobisMetric(components: metric.components, featureNames: metric.featureNames,
                                         featureWeights: metric.featureWeights, report: report)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(timeless)
    }

    @Test(arguments: allLearners.indices)
    func concurrentFitsGiveTheBytesOfASequentialFit(_ index: Int) async throws {
        let (x, labels) = (data.features, data.labels)
        let learner = allLearners[index]
        let sequential = try Self.modelBytes(learner.fit(x, classes: labels))
        let concurrent = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<4 { group.addTask { try Self.modelBytes(learner.fit(x, classes: labels)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(concurrent.count == 4)
        #expect(concurrent.allSatisfy { $0 == sequential })
    }

    @Test func theSeedIsWhatMakesRandomStartsDiffer() throws {
        let first = try NCA(componentCount: 2, initialization: .random, maxIterations: 5, seed: 7).fit(data.features, labels: data.labels)
        let again = try NCA(componentCount: 2, initialization: .random, maxIterations: 5, seed: 7).fit(data.features, labels: data.labels)
        let other = try NCA(componentCount: 2, initialization: .random, maxIterations: 5, seed: 8).fit(data.features, labels: data.labels)
        #expect(try Self.modelBytes(first) == Self.modelBytes(again))
        #expect(first.components != other.components)
    }
}
