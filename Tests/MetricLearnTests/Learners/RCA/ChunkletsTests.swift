@testable import MetricLearn
import Testing

@Suite struct ChunkletsTests {
    @Test func assignmentsGroupRowsByChunkletNumber() {
        let chunklets = Chunklets(assignments: [3, nil, 0, 3, 0, nil, 7])
        #expect(chunklets.groups == [[2, 4], [0, 3], [6]])
        #expect(chunklets.sampleCount == 5)
    }

    /// Drawn chunklets: each of `size` distinct rows of one class, no row twice, the same for the same seed.
    @Test func sampledChunkletsShareAClassAndNeverARow() {
        let labels = (0..<60).map { $0 % 4 }
        var generator = SeededGenerator(seed: 3)
        let chunklets = Chunklets.sampled(labels: labels, count: 12, size: 3, generator: &generator)
        #expect(chunklets.groups.count == 12)
        #expect(chunklets.groups.allSatisfy { $0.count == 3 && Set($0.map { labels[$0] }).count == 1 })
        #expect(Set(chunklets.groups.flatMap { $0 }).count == 36)
        var again = SeededGenerator(seed: 3)
        #expect(Chunklets.sampled(labels: labels, count: 12, size: 3, generator: &again) == chunklets)
    }

    /// Every class is drained before the draw stops short: 2 + 1 chunklets from classes of 5 and 3 rows.
    @Test func aShortDrawUsesEveryClass() {
        var generator = SeededGenerator(seed: 0)
        let chunklets = Chunklets.sampled(labels: [0, 0, 0, 0, 0, 1, 1, 1], count: 10, size: 2, generator: &generator)
        #expect(chunklets.groups.count == 3)
        #expect(chunklets.groups.filter { $0.allSatisfy { $0 < 5 } }.count == 2)
    }

    @Test func validationNamesTheChunklet() {
        #expect(throws: MetricLearnError.invalidData(what: "chunklets[1]", value: "2",
                                                     requirement: "a row can be in one chunklet only, once")) {
            try Chunklets([[0, 2], [2, 3]]).validate(sampleCount: 5)
        }
        #expect(throws: MetricLearnError.invalidData(what: "chunklets[0]", value: "-1",
                                                     requirement: "row indices must be in 0..<5")) {
            try Chunklets([[-1, 2]]).validate(sampleCount: 5)
        }
        #expect(throws: MetricLearnError.invalidData(what: "chunklets", value: "2 chunklets",
                                                     requirement: "at least one chunklet of two or more rows is needed")) {
            try Chunklets([[1], [2]]).validate(sampleCount: 5)
        }
    }
}
