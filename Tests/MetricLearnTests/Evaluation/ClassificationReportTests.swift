import MetricLearn
import Testing

@Suite("ClassificationReport")
struct ClassificationReportTests {
    @Test("golden: scores and text equal scikit-learn's classification_report",
          arguments: ["threeClasses", "fourClassesOneNeverPredicted"])
    func golden(name: String) throws {
        let golden = try MetricsFixture(name)
        let report = try ClassificationReport(trueLabels: golden.truth, predictedLabels: golden.predicted)
        #expect(report.confusionMatrix.counts == (try golden.values.integerRows("confusionMatrix")))
        let perClass = try golden.values.object("perClass")
        for (key, values) in [("precision", report.perClass.map(\.precision)), ("recall", report.perClass.map(\.recall)),
                              ("f1", report.perClass.map(\.f1))] {
            let expected = try perClass.vector(key)
            #expect(expected.count == values.count)
            for (value, reference) in zip(values, expected) { #expect(abs(value - reference) < 1e-15, "\(key)") }
        }
        #expect(report.perClass.map(\.support) == (try perClass.integers("support")))
        for (key, scores) in [("macro", report.macroAverage), ("weighted", report.weightedAverage)] {
            let expected = try golden.values.object(key)
            #expect(abs(scores.precision - (try expected.number("precision"))) < 1e-15, "\(key)")
            #expect(abs(scores.recall - (try expected.number("recall"))) < 1e-15, "\(key)")
            #expect(abs(scores.f1 - (try expected.number("f1"))) < 1e-15, "\(key)")
            #expect(scores.support == golden.truth.count)
        }
        #expect(report.accuracy == (try golden.values.number("accuracy")))
        #expect(report.description == (try golden.values.string("classificationReport")))
    }

    @Test("layout: long class names widen the name column; digits sets the decimals")
    func layout() throws {
        let report = try ClassificationReport(trueLabels: [0, 0, 1, 1], predictedLabels: [0, 1, 1, 1],
                                              classNames: ["short", "a rather long name"])
        // Checked against scikit-learn 1.9.1: classification_report([0,0,1,1], [0,1,1,1],
        // target_names=["short", "a rather long name"], digits=3).
        let expected = """
                                precision    recall  f1-score   support

                         short      1.000     0.500     0.667         2
            a rather long name      0.667     1.000     0.800         2

                      accuracy                          0.750         4
                     macro avg      0.833     0.750     0.733         4
                  weighted avg      0.833     0.750     0.733         4

            """
        #expect(report.formatted(digits: 3) == expected)
        #expect(report.balancedAccuracy == 0.75)
    }
}
