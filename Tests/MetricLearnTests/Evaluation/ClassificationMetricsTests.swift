import MetricLearn
import Testing

@Suite("ClassificationMetrics")
struct ClassificationMetricsTests {
    @Test("accuracy is the fraction of equal positions")
    func accuracy() throws {
        #expect(try ClassificationMetrics.accuracy(trueLabels: [0, 1, 2, 2], predictedLabels: [0, 2, 2, 1]) == 0.5)
        #expect(try ClassificationMetrics.accuracy(trueLabels: [3], predictedLabels: [3]) == 1)
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 2, labelCount: 3)) {
            try ClassificationMetrics.accuracy(trueLabels: [0, 1], predictedLabels: [0, 1, 1])
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no labels to compare")) {
            try ClassificationMetrics.accuracy(trueLabels: [], predictedLabels: [])
        }
    }

    @Test("balanced accuracy averages recall over classes; imbalanced hand case")
    func balancedAccuracy() throws {
        // Class 0: 4 samples, 3 right; class 1: 1 sample, wrong. Accuracy 3/5, balanced (3/4 + 0)/2.
        let truth = [0, 0, 0, 0, 1], predicted = [0, 0, 0, 1, 0]
        #expect(try ClassificationMetrics.accuracy(trueLabels: truth, predictedLabels: predicted) == 0.6)
        #expect(try ClassificationMetrics.balancedAccuracy(trueLabels: truth, predictedLabels: predicted) == 0.375)
    }

    @Test("golden: scikit-learn accuracy_score and balanced_accuracy_score", arguments: ["threeClasses", "fourClassesOneNeverPredicted"])
    func golden(name: String) throws {
        let golden = try MetricsFixture(name)
        #expect(try ClassificationMetrics.accuracy(trueLabels: golden.truth, predictedLabels: golden.predicted)
                == (try golden.values.number("accuracy")))
        let balanced = try ClassificationMetrics.balancedAccuracy(trueLabels: golden.truth, predictedLabels: golden.predicted)
        #expect(abs(balanced - (try golden.values.number("balancedAccuracy"))) < 1e-15)
    }
}

/// One case of `Fixtures/metrics.json` (scikit-learn 1.9.1 metrics on fixed label vectors).
struct MetricsFixture {
    let values: Fixture
    let truth: [Int]
    let predicted: [Int]

    init(_ name: String) throws {
        values = try Fixture("metrics").object("cases").object(name)
        truth = try values.integers("yTrue")
        predicted = try values.integers("yPred")
    }
}
