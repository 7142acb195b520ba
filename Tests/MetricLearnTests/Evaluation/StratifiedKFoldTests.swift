import MetricLearn
import Testing

@Suite("StratifiedKFold")
struct StratifiedKFoldTests {
    /// Classes of 23, 11, 7 and 3 samples, interleaved.
    private let labels: [Int] = {
        var labels = [Int](repeating: 0, count: 23) + [Int](repeating: 1, count: 11) + [Int](repeating: 2, count: 7) + [3, 3, 3]
        var generator = SeededGenerator(seed: 4)
        generator.shuffle(&labels)
        return labels
    }()

    @Test("test folds partition the samples; each training set is the complement", arguments: [2, 3, 5, 10])
    func partition(foldCount: Int) throws {
        let folds = try StratifiedKFold(foldCount: foldCount, seed: 1).folds(labels: labels)
        #expect(folds.count == foldCount)
        #expect(folds.flatMap(\.testIndices).sorted() == Array(labels.indices))
        for fold in folds {
            #expect(fold.testIndices == fold.testIndices.sorted() && fold.trainIndices == fold.trainIndices.sorted())
            #expect(Set(fold.trainIndices).union(fold.testIndices) == Set(labels.indices))
            #expect(Set(fold.trainIndices).isDisjoint(with: fold.testIndices))
        }
        let sizes = folds.map(\.testIndices.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test("each class is spread evenly: ⌊c/k⌋ or ⌈c/k⌉ per fold", arguments: [2, 3, 5, 10])
    func classProportions(foldCount: Int) throws {
        let folds = try StratifiedKFold(foldCount: foldCount, seed: 9).folds(labels: labels)
        for (label, size) in [(0, 23), (1, 11), (2, 7), (3, 3)] {
            let perFold = folds.map { fold in fold.testIndices.filter { labels[$0] == label }.count }
            #expect(perFold.reduce(0, +) == size)
            #expect(perFold.allSatisfy { $0 == size / foldCount || $0 == (size + foldCount - 1) / foldCount },
                    "class \(label): \(perFold)")
        }
    }

    @Test("same seed, same folds; another seed, other folds")
    func determinism() throws {
        let folds = try StratifiedKFold(foldCount: 5, seed: 3).folds(labels: labels)
        #expect(try StratifiedKFold(foldCount: 5, seed: 3).folds(labels: labels) == folds)
        #expect(try StratifiedKFold(foldCount: 5, seed: 4).folds(labels: labels) != folds)
    }

    @Test("hand case: classes dealt to the folds in turn")
    func handCase() throws {
        // Class 0 = {0, 1, 2}, class 1 = {3, 4}: whatever the shuffle, positions 0…4 of the dealt sequence go to
        // folds 0, 1, 0, 1, 0, so fold 0 tests two samples of class 0 and one of class 1.
        let folds = try StratifiedKFold(foldCount: 2, seed: 0).folds(labels: [0, 0, 0, 1, 1])
        #expect(folds[0].testIndices.filter { $0 < 3 }.count == 2 && folds[0].testIndices.filter { $0 >= 3 }.count == 1)
        #expect(folds[1].testIndices.filter { $0 < 3 }.count == 1 && folds[1].testIndices.filter { $0 >= 3 }.count == 1)
    }

    @Test("invalid parameters throw typed errors")
    func validation() {
        #expect(throws: MetricLearnError.invalidParameter(name: "foldCount", value: "1", requirement: "must be at least 2")) {
            try StratifiedKFold(foldCount: 1).folds(labels: labels)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "foldCount", value: "4",
                                                          requirement: "must be at most the number of samples (3)")) {
            try StratifiedKFold(foldCount: 4).folds(labels: [0, 1, 1])
        }
        #expect(throws: MetricLearnError.invalidData(what: "labels", value: "-2",
                                                     requirement: "class labels are indices 0, 1, 2, …")) {
            try StratifiedKFold(foldCount: 2).folds(labels: [0, -2, 1])
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no samples to split")) {
            try StratifiedKFold(foldCount: 2).folds(labels: [])
        }
    }
}
