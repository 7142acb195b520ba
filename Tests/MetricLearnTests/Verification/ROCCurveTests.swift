import MetricLearn
import Testing

@Suite struct ROCCurveTests {
    /// Distances 1…5 labelled s d s s d (s similar): the points at −∞, 1, 2, 3, 4, 5 are (0,0) (0,⅓) (½,⅓) (½,⅔)
    /// (½,1) (1,1), so the area is ½·⅓ + ½·1 = ⅔ (only the two horizontal moves add area).
    @Test func handExample() throws {
        let curve = try ROCCurve(distances: [1, 2, 3, 4, 5], similar: [true, false, true, true, false])
        #expect(curve.thresholds == [-.infinity, 1, 2, 3, 4, 5])
        #expect(curve.falsePositiveRates == [0, 0, 0.5, 0.5, 0.5, 1])
        let third = 1.0 / 3
        let expectedRates: [Double] = [0, third, third, 2 * third, 1, 1]
        #expect(curve.truePositiveRates == expectedRates)
        #expect(abs(curve.area - (0.5 * (1.0 / 3) + 0.5)) <= 1e-15)
        #expect(curve.truePositiveRate(atFalsePositiveRate: 0.4) == 1.0 / 3)
        #expect(curve.truePositiveRate(atFalsePositiveRate: 0.5) == 1)
        // fpr + tpr − 1 crosses 0 between (½, ⅓) [−⅙] and (½, ⅔) [+⅙]: at fpr ½.
        #expect(curve.equalErrorRate == 0.5)
    }

    /// The drawn curve keeps scikit-learn's corners (`roc_curve`'s default `drop_intermediate`).
    @Test(arguments: CalibrationStrategyTests.cases)
    func chartKeepsScikitLearnsCorners(name: String) throws {
        let (entry, distances, similar) = try CalibrationStrategyTests.load(name)
        let curve = try ROCCurve(distances: distances, similar: similar)
        let chart = try curve.chart()
        let drawn = try #require(chart.series.first)
        #expect(drawn.x.count == (try entry.integer("rocCornerCount")))
        let kept = try entry.vector("rocCornerDistanceThresholds")
        func isKept(_ threshold: Double) -> Bool {
            threshold == -.infinity || kept.contains { abs($0 - threshold) <= 1e-15 * max(1, abs(threshold)) }
        }
        let expectedX = zip(curve.thresholds, curve.falsePositiveRates).filter { isKept($0.0) }.map(\.1)
        #expect(drawn.x == expectedX)
    }
}
