import Foundation
import MetricLearn
import Testing

/// A pair threshold makes a version-3 document; without one nothing changes (`ModelFileTests` pins those bytes).
@Suite struct ModelFilePairThresholdTests {
    let metric = ModelFileTests().metric

    private func text(_ file: ModelFile) throws -> String { String(decoding: try file.jsonData(), as: UTF8.self) }

    @Test func aCalibratedThresholdIsWrittenInVersionThree() throws {
        let threshold = try PairThreshold(calibrating: .fBeta(0.5), distances: [0.5, 1, 2, 3], similar: [true, true, false, false])
        let file = try ModelFile(metric: metric, tablePreprocessor: nil, pairThreshold: threshold)
        #expect(file.formatVersion == 3)
        let written = try text(file)
        #expect(written.contains("""
              "pairThreshold" : {
                "calibration" : {
                  "beta" : 0.5,
                  "pairCount" : 4,
                  "similarPairCount" : 2,
                  "strategy" : "f-beta"
                },
                "distance" : 1
              },
            """))
        let decoded = try ModelFile(jsonData: Data(written.utf8))
        #expect(decoded == file)
        #expect(decoded.pairClassifier?.threshold.distance == 1)
        #expect(try decoded.jsonData() == file.jsonData())
    }

    /// Removing the threshold gives back the version-1 document, byte for byte; a hand-set threshold has no
    /// calibration; a threshold that rejects every pair is written as "-Infinity" and read back.
    @Test func versionFollowsTheParts() throws {
        let plain = ModelFile(metric: metric)
        let withThreshold = plain.withPairThreshold(try PairThreshold(distance: 0.75))
        #expect(withThreshold.formatVersion == 3)
        #expect(try text(withThreshold).contains("\"pairThreshold\" : {\n    \"distance\" : 0.75\n  }"))
        #expect(try text(withThreshold.withPairThreshold(nil)) == ModelFileTests.expectedJSON)
        let rejectAll = try PairThreshold(calibrating: .maxTrueNegativeRate(minimumTruePositiveRate: 0),
                                          distances: [1, 2], similar: [true, false])
        #expect(rejectAll.distance == -.infinity)
        let stored = plain.withPairThreshold(rejectAll)
        #expect(try text(stored).contains("\"distance\" : \"-Infinity\""))
        #expect(try ModelFile(jsonData: stored.jsonData()).pairThreshold == rejectAll)
    }

    @Test func refusesAThresholdInAnOlderVersionOrANaNThreshold() throws {
        let written = try text(ModelFile(metric: metric).withPairThreshold(try PairThreshold(distance: 2)))
        let old = written.replacingOccurrences(of: "\"formatVersion\" : 3", with: "\"formatVersion\" : 2")
        #expect(old != written)
        #expect(throws: MetricLearnError.modelFile(
            reason: "'pairThreshold': needs formatVersion 3 or later, not 2 (older readers ignore it)")) {
            try ModelFile(jsonData: Data(old.utf8))
        }
        let nan = written.replacingOccurrences(of: "\"distance\" : 2", with: "\"distance\" : \"NaN\"")
        #expect(nan != written)
        #expect(throws: MetricLearnError.self) { try ModelFile(jsonData: Data(nan.utf8)) }
        #expect(throws: MetricLearnError.invalidParameter(name: "threshold", value: "nan", requirement: "must be a number")) {
            try PairThreshold(distance: .nan)
        }
    }
}
