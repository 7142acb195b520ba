import MetricLearn
import Testing

@Suite struct KFoldTests {
    @Test func foldsPartitionTheSamplesInNearlyEqualSizes() throws {
        let folds = try KFold(foldCount: 5, seed: 3).folds(sampleCount: 23)
        #expect(folds.map(\.testIndices.count).sorted() == [4, 4, 5, 5, 5])
        #expect(folds.flatMap(\.testIndices).sorted() == Array(0..<23))
        for fold in folds {
            #expect(fold.testIndices == fold.testIndices.sorted())
            #expect(Set(fold.trainIndices).isDisjoint(with: fold.testIndices))
            #expect(fold.trainIndices.count + fold.testIndices.count == 23)
        }
    }

    @Test func theSeedDecidesTheShuffle() throws {
        let first = try KFold(seed: 1).folds(sampleCount: 50)
        #expect(try KFold(seed: 1).folds(sampleCount: 50) == first)
        #expect(try KFold(seed: 2).folds(sampleCount: 50) != first)
        // Shuffled: the first fold is not the first tenth of the rows.
        #expect(first[0].testIndices != Array(0..<10))
    }

    @Test func badCountsAreRefused() {
        #expect(throws: MetricLearnError.invalidParameter(name: "foldCount", value: "1", requirement: "must be at least 2")) {
            try KFold(foldCount: 1).folds(sampleCount: 10)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "foldCount", value: "5",
                                                          requirement: "must be at most the number of samples (3)")) {
            try KFold().folds(sampleCount: 3)
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no samples to split")) { try KFold().folds(sampleCount: 0) }
    }
}
