import MetricLearn
import Testing

@Suite("ConfusionMatrix")
struct ConfusionMatrixTests {
    // true:      0 0 0 1 1 2
    // predicted: 0 1 0 1 0 0   → class 2 is never predicted, class 1 once correctly.
    private let truth = [0, 0, 0, 1, 1, 2]
    private let predicted = [0, 1, 0, 1, 0, 0]

    @Test("hand case: counts, per-class scores and balanced accuracy")
    func handCase() throws {
        let matrix = try ConfusionMatrix(trueLabels: truth, predictedLabels: predicted)
        #expect(matrix.classNames == ["0", "1", "2"])
        #expect(matrix.counts == [[2, 1, 0], [1, 1, 0], [1, 0, 0]])
        #expect(matrix.support == [3, 2, 1])
        #expect(matrix.predictedCounts == [4, 2, 0])
        #expect(matrix.sampleCount == 6)
        #expect(matrix.accuracy == 0.5)
        #expect(matrix.precision == [0.5, 0.5, 0])          // 2/4, 1/2, 0/0 → 0
        #expect(matrix.recall == [2.0 / 3, 0.5, 0])
        #expect(matrix.f1 == [4.0 / 7, 0.5, 0])              // 2·2/(3+4), 2·1/(2+2), 0/(1+0)
        #expect(matrix.balancedAccuracy == (2.0 / 3 + 0.5 + 0) / 3)
    }

    @Test("given class names add classes that never occur; balanced accuracy ignores classes without samples")
    func namedClasses() throws {
        let matrix = try ConfusionMatrix(trueLabels: [0, 1, 1], predictedLabels: [0, 1, 3],
                                         classNames: ["a", "b", "c", "d"])
        #expect(matrix.classCount == 4)
        #expect(matrix.counts[1] == [0, 1, 0, 1] && matrix.counts[3] == [0, 0, 0, 0])
        #expect(matrix.balancedAccuracy == 0.75)           // (1 + 1/2) / 2: classes c and d have no samples
        #expect(try ClassificationMetrics.balancedAccuracy(trueLabels: [0, 1, 1], predictedLabels: [0, 1, 3]) == 0.75)
    }

    @Test("invalid labels throw typed errors")
    func validation() {
        #expect(throws: MetricLearnError.emptyInput(what: "no labels to compare")) {
            try ConfusionMatrix(trueLabels: [], predictedLabels: [])
        }
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 2, labelCount: 1)) {
            try ConfusionMatrix(trueLabels: [0, 1], predictedLabels: [0])
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "predictedLabels", value: "-1",
                                                          requirement: "must be a class index in 0..<2")) {
            try ConfusionMatrix(trueLabels: [0, 1], predictedLabels: [0, -1])
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "trueLabels", value: "2",
                                                          requirement: "must be a class index in 0..<2")) {
            try ConfusionMatrix(trueLabels: [0, 2], predictedLabels: [0, 1], classNames: ["a", "b"])
        }
    }
}
