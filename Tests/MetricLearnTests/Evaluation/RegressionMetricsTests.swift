import MetricLearn
import Testing

@Suite struct RegressionMetricsTests {
    /// scikit-learn 1.9.1's `r2_score`, `root_mean_squared_error` and `mean_absolute_error` (`Fixtures/knn_regression.json`).
    @Test func agreeWithScikitLearn() throws {
        let metrics = try Fixture("knn_regression").object("metrics")
        let (truth, predicted) = (try metrics.vector("trueTargets"), try metrics.vector("predictedTargets"))
        #expect(abs(try RegressionMetrics.r2(trueTargets: truth, predictedTargets: predicted) - (try metrics.number("r2"))) < 1e-14)
        #expect(abs(try RegressionMetrics.rootMeanSquaredError(trueTargets: truth, predictedTargets: predicted)
            - (try metrics.number("rmse"))) < 1e-11)
        #expect(abs(try RegressionMetrics.meanAbsoluteError(trueTargets: truth, predictedTargets: predicted)
            - (try metrics.number("mae"))) < 1e-11)
        let constant = try metrics.object("constantTrue")
        let (same, guesses) = (try constant.vector("trueTargets"), try constant.vector("predictedTargets"))
        #expect(try RegressionMetrics.r2(trueTargets: same, predictedTargets: guesses) == (try constant.number("r2")))
        #expect(try RegressionMetrics.r2(trueTargets: same, predictedTargets: same) == (try constant.number("r2Perfect")))
    }

    @Test func handComputedValues() throws {
        let truth = [1.0, 2, 3, 4], predicted = [1.0, 3, 3, 2]
        // Residuals 0, −1, 0, 2: Σ² = 5, Σ|·| = 3; Σ(t − 2.5)² = 5.
        #expect(try RegressionMetrics.r2(trueTargets: truth, predictedTargets: predicted) == 0)
        #expect(try RegressionMetrics.rootMeanSquaredError(trueTargets: truth, predictedTargets: predicted) == (5.0 / 4).squareRoot())
        #expect(try RegressionMetrics.meanAbsoluteError(trueTargets: truth, predictedTargets: predicted) == 0.75)
    }

    @Test func emptyOrMismatchedInputIsRefused() {
        #expect(throws: MetricLearnError.emptyInput(what: "no targets to compare")) {
            try RegressionMetrics.r2(trueTargets: [], predictedTargets: [])
        }
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 2, labelCount: 1)) {
            try RegressionMetrics.meanAbsoluteError(trueTargets: [1, 2], predictedTargets: [1])
        }
    }
}
