import Foundation
import Testing
@testable import MetricLearn

@Suite("MahalanobisMetric Codable")
struct MahalanobisMetricCodableTests {
    let metric = MahalanobisMetric(
        components: Matrix(rows: [[1, 0.5, 0], [0, 2, 1]]), featureNames: ["a", "b", "c"],
        featureWeights: [FeatureWeight(feature: "b", weight: 2), FeatureWeight(feature: "a", weight: 1)],
        report: FitReport(learner: .whitening(Whitening()), iterations: 3, details: ["effectiveRank": 2]))

    private func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(metric)) as? [String: Any])
    }

    private func decodingFailure(_ object: [String: Any]) throws -> String? {
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try JSONDecoder().decode(MahalanobisMetric.self, from: data)
            return nil
        } catch let DecodingError.dataCorrupted(context) {
            return (context.codingPath.map(\.stringValue) + [context.debugDescription]).joined(separator: ": ")
        } catch {
            return "\(error)"
        }
    }

    @Test("Round trip is exact, with and without feature weights")
    func roundTrip() throws {
        let decoded = try JSONDecoder().decode(MahalanobisMetric.self, from: JSONEncoder().encode(metric))
        #expect(decoded == metric)
        let unweighted = MahalanobisMetric(components: metric.components, report: metric.report)
        let data = try JSONEncoder().encode(unweighted)
        #expect(!String(decoding: data, as: UTF8.self).contains("featureWeights"))
        #expect(try JSONDecoder().decode(MahalanobisMetric.self, from: data) == unweighted)
    }

    @Test("Parts that do not fit together are rejected, naming the key")
    func inconsistentParts() throws {
        var names = try object()
        names["featureNames"] = ["a", "b"]
        #expect(try decodingFailure(names) == "featureNames: 2 names for the 3 columns of the components")
        names["featureNames"] = ["a", "b", "a"]
        #expect(try decodingFailure(names) == "featureNames: a feature name appears twice")

        var weights = try object()
        weights["featureWeights"] = [["feature": "z", "weight": 1.0]]
        #expect(try decodingFailure(weights)
                == "featureWeights: the weight 1.0 of 'z' is not a non-negative weight of a listed feature")
        weights["featureWeights"] = [["feature": "a", "weight": -1.0]]
        #expect(try decodingFailure(weights)?.hasPrefix("featureWeights: the weight -1.0 of 'a'") == true)

        var empty = try object()
        empty["components"] = ["rows": 0, "columns": 3, "values": [Double]()]
        #expect(try decodingFailure(empty) == "components: the matrix is empty")
    }

    @Test("The inconsistency check names each part")
    func inconsistencyCheck() {
        let components = Matrix(rows: [[1, 2]])
        #expect(MahalanobisMetric.inconsistency(components: components, featureNames: ["x", "y"],
                                                featureWeights: nil) == nil)
        #expect(MahalanobisMetric.inconsistency(components: Matrix(rows: [[1, .infinity]]), featureNames: ["x", "y"],
                                                featureWeights: nil)
                == .components("non-finite value at row 0, column 1"))
        #expect(MahalanobisMetric.inconsistency(components: components, featureNames: ["x"], featureWeights: nil)
                == .featureNames("1 names for the 2 columns of the components"))
    }
}
