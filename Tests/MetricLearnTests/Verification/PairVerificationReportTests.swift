import Foundation
import MetricLearn
import Testing

/// ROC curve, AUC, average precision, EER and rates at a threshold against scikit-learn (`pair_verification.json`).
@Suite struct PairVerificationReportTests {
    @Test(arguments: CalibrationStrategyTests.cases)
    func matchesScikitLearn(name: String) throws {
        let (entry, distances, similar) = try CalibrationStrategyTests.load(name)
        let report = try PairVerificationReport(distances: distances, similar: similar,
                                                threshold: try entry.number("fixedThreshold"),
                                                falsePositiveRates: [0.01, 0.1, 0.3])
        let curve = report.rocCurve
        #expect(abs(report.rocAuc - (try entry.number("rocAuc"))) <= 1e-12)
        #expect(abs(report.averagePrecision - (try entry.number("averagePrecision"))) <= 1e-12)
        #expect(abs(report.equalErrorRate - (try entry.number("equalErrorRate"))) <= 1e-12)
        let fpr = try entry.vector("rocFullFpr"), tpr = try entry.vector("rocFullTpr")
        #expect(curve.falsePositiveRates.count == fpr.count)
        #expect(zip(curve.falsePositiveRates, fpr).allSatisfy { abs($0 - $1) <= 1e-15 })
        #expect(zip(curve.truePositiveRates, tpr).allSatisfy { abs($0 - $1) <= 1e-15 })
        // Foundation's JSON reader may round a long decimal one ulp off, hence the tolerances here.
        let thresholds = try entry.vector("rocFullDistanceThresholds")
        #expect(zip(curve.thresholds.dropFirst(), thresholds).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) })
        #expect(curve.thresholds.count == thresholds.count + 1)
        #expect(curve.thresholds.first == -.infinity)
        let rates = try entry.object("tprAtFpr")
        for point in report.operatingPoints {
            #expect(abs(point.truePositiveRate - (try rates.number("\(point.falsePositiveRate)"))) <= 1e-15)
        }
        #expect(abs((report.accuracy ?? .nan) - (try entry.number("accuracyAtFixedThreshold"))) <= 1e-15)
        #expect(abs((report.f1 ?? .nan) - (try entry.number("f1AtFixedThreshold"))) <= 1e-15)
        #expect(abs((report.confusion?.fScore(beta: 2) ?? .nan) - (try entry.number("f2AtFixedThreshold"))) <= 1e-15)
        #expect(report.pairCount == distances.count)
        #expect(report.similarPairCount == similar.count { $0 })
    }

    /// Perfect separation: AUC 1, EER 0, AP 1, TPR 1 at any FPR. Reversed: AUC 0, EER 1.
    @Test func extremes() throws {
        let perfect = try PairVerificationReport(distances: [1, 2, 3, 4], similar: [true, true, false, false])
        #expect(perfect.rocAuc == 1 && perfect.equalErrorRate == 0 && perfect.averagePrecision == 1)
        #expect(perfect.operatingPoints.map(\.truePositiveRate) == [1, 1])
        #expect(perfect.accuracy == nil && perfect.f1 == nil && perfect.threshold == nil)
        let reversed = try PairVerificationReport(distances: [1, 2, 3, 4], similar: [false, false, true, true])
        #expect(reversed.rocAuc == 0 && reversed.equalErrorRate == 1)
        let tied = try PairVerificationReport(distances: [1, 1, 1, 1], similar: [false, true, false, true])
        #expect(tied.rocAuc == 0.5 && tied.equalErrorRate == 0.5)
    }

    @Test func rejectsBadRates() {
        #expect(throws: MetricLearnError.invalidParameter(name: "falsePositiveRates", value: "2.0",
                                                          requirement: "must be in [0, 1]")) {
            try PairVerificationReport(distances: [1, 2], similar: [true, false], falsePositiveRates: [2])
        }
    }
}
