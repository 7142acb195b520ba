import MetricLearn
import Testing

@Suite struct StratifiedSplitTests {
    /// Classes of 10, 5, 2 and 1 samples, interleaved.
    let labels: [Int] = {
        var labels = [Int](repeating: 0, count: 10) + [Int](repeating: 1, count: 5) + [2, 2, 3]
        var generator = SeededGenerator(seed: 99)
        generator.shuffle(&labels)
        return labels
    }()

    private func counts(_ indices: [Int], in labels: [Int]) -> [Int] {
        var counts = [0, 0, 0, 0]
        for index in indices { counts[labels[index]] += 1 }
        return counts
    }

    @Test func eachClassIsSplitInProportion() throws {
        // 0.3·10 = 3; 0.3·5 = 1.5 → 2 (halves away from zero); 0.3·2 = 0.6 → 1; a single sample stays in train.
        let (train, test) = try StratifiedSplit(testFraction: 0.3, seed: 5).indices(labels: labels)
        #expect(counts(test, in: labels) == [3, 2, 1, 0])
        #expect(counts(train, in: labels) == [7, 3, 1, 1])
    }

    @Test func smallFractionsStillTestEveryClassOfTwoOrMore() throws {
        // 0.01·c rounds to 0, raised to 1; a class of 2 keeps one sample for training.
        let (train, test) = try StratifiedSplit(testFraction: 0.01, seed: 5).indices(labels: labels)
        #expect(counts(test, in: labels) == [1, 1, 1, 0])
        #expect(counts(train, in: labels) == [9, 4, 1, 1])
        let large = try StratifiedSplit(testFraction: 0.99, seed: 5).indices(labels: labels)
        #expect(counts(large.test, in: labels) == [9, 4, 1, 0])
    }

    @Test func indicesAreSortedDisjointAndComplete() throws {
        let (train, test) = try StratifiedSplit(testFraction: 0.3, seed: 5).indices(labels: labels)
        #expect(train == train.sorted() && test == test.sorted())
        #expect(Set(train).isDisjoint(with: test))
        #expect((train + test).sorted() == Array(labels.indices))
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let first = try StratifiedSplit(testFraction: 0.3, seed: 5).indices(labels: labels)
        let again = try StratifiedSplit(testFraction: 0.3, seed: 5).indices(labels: labels)
        let other = try StratifiedSplit(testFraction: 0.3, seed: 6).indices(labels: labels)
        #expect(first.test == again.test && first.train == again.train)
        #expect(first.test != other.test)
    }

    @Test func recordedSplitForAFixedSeed() throws {
        // Recorded once (SplitMix64 + Fisher–Yates are fixed here), so any change to the algorithm shows.
        let (train, test) = try StratifiedSplit(testFraction: 0.5, seed: 7).indices(labels: [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(test.count == 4 && train.count == 4)
        #expect(test == [2, 3, 4, 7] && train == [0, 1, 5, 6])
    }

    @Test(arguments: [0, 1, -0.1, 1.5, Double.nan]) func testFractionMustBeInsideZeroOne(fraction: Double) {
        #expect(throws: MetricLearnError.invalidParameter(name: "testFraction", value: "\(fraction)",
                                                          requirement: "must be in (0, 1), exclusive")) {
            try StratifiedSplit(testFraction: fraction, seed: 0).indices(labels: labels)
        }
    }

    @Test func badLabels() {
        #expect(throws: MetricLearnError.emptyInput(what: "no samples to split")) {
            try StratifiedSplit().indices(labels: [])
        }
        #expect(throws: MetricLearnError.invalidData(what: "labels", value: "-1",
                                                     requirement: "class labels are indices 0, 1, 2, …")) {
            try StratifiedSplit().indices(labels: [0, -1])
        }
        #expect(throws: MetricLearnError.classTooSmall(label: "1", count: 1, required: 2)) {
            try StratifiedSplit().indices(labels: [1, 0, 2])
        }
    }

    @Test func datasetSplitKeepsNamesAndProportions() throws {
        let (train, test) = try Dataset.iris.stratifiedSplit(testFraction: 0.2, seed: 3)
        #expect(test.classCounts == [10, 10, 10] && train.classCounts == [40, 40, 40])
        #expect(train.classNames == ["setosa", "versicolor", "virginica"] && test.featureNames.count == 4)
        let byValue: ([Double], [Double]) -> Bool = { $0.lexicographicallyPrecedes($1) }
        #expect((train.features.rows + test.features.rows).sorted(by: byValue) == (try Dataset.iris.features.rows.sorted(by: byValue)))
    }

    @Test func datasetSplitErrorsNameTheClass() throws {
        let dataset = try Dataset(features: Matrix(rows: [[1], [2]]), labels: [1, 0], classNames: ["cat", "dog"],
                                  featureNames: ["x"])
        #expect(throws: MetricLearnError.classTooSmall(label: "dog", count: 1, required: 2)) {
            try dataset.stratifiedSplit(testFraction: 0.5, seed: 0)
        }
    }
}
