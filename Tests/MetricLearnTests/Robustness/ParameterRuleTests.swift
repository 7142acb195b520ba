import Foundation
@testable import MetricLearn
import Testing

/// One rule per kind of parameter, for every registered learner: every count refuses 0 and −1, every number
/// refuses NaN, ±∞ and −1, each with `invalidParameter` naming it — including parameters of the method not in use
/// (`--tolerance inf` with ReliefF was once stored as "Infinity") — and every value a rule accepts gives a model
/// file that reads back (`info` once showed "configuration (unavailable)" for `--tolerance inf`). Each learner fits
/// the supervision it learns from (`fit(_:classes:)`: class labels, or for MLKR the class indices as targets).
@Suite struct ParameterRuleTests {
    static let data = SyntheticData(classCount: 2, perClass: 6, featureCount: 3)

    /// (learner, parameter, other settings that make the parameter apply) for every numeric parameter but the seed.
    static let cases: [(String, String)] = LearnerRegistry.all.flatMap { registration in
        registration.parameters
            .filter { $0.valueType == Int.self || $0.valueType == Double.self }
            .map { (registration.name, $0.name) }
    }

    /// The registration of `learner` and a configuration of it with `parameter` set to `value` (and the parameter
    /// it needs, such as `method`, set so that it applies).
    private static func configuration(_ learner: String, _ parameter: String,
                                      _ value: any ParameterValue) throws -> LearnerConfiguration {
        let registration = try #require(LearnerRegistry.registration(named: learner))
        var values: [String: any ParameterValue] = [parameter: value]
        if let (other, required) = registration.parameter(named: parameter)?.requirement,
           let otherValue = registration.parameter(named: other)?.value(parsing: required) {
            values[other] = otherValue
        }
        return try registration.configuration(setting: values)
    }

    @Test(arguments: cases)
    func everyKindOfParameterRefusesWhatItsRuleRefuses(_ learner: String, _ parameter: String) throws {
        let registration = try #require(LearnerRegistry.registration(named: learner))
        let isCount = registration.parameter(named: parameter)?.valueType == Int.self
        let refused: [any ParameterValue] = isCount ? [0, -1, Int.min] : [Double.nan, Double.infinity, -Double.infinity, -1.0]
        for value in refused {
            let configuration = try Self.configuration(learner, parameter, value)
            #expect {
                try configuration.learner.fit(Self.data.features, classes: Self.data.labels)
            } throws: { error in
                guard case let .invalidParameter(name, text, _) = error as? MetricLearnError else { return false }
                return name == parameter && text == value.parameterText
            }
        }
    }

    @Test(arguments: cases)
    func everyAcceptedValueGivesAModelFileThatReadsBack(_ learner: String, _ parameter: String) throws {
        let registration = try #require(LearnerRegistry.registration(named: learner))
        let rule = try #require(registration.parameter(named: parameter)).rule
        let isCount = registration.parameter(named: parameter)?.valueType == Int.self
        let candidates: [any ParameterValue] = isCount
            ? [1, 2, 3]
            : [0.0, Double.leastNonzeroMagnitude, 1e-300, 0.5, 1.0, 1e300, Double.greatestFiniteMagnitude] as [Double]
        for value in candidates where rule.violation(of: value, featureCount: Self.data.features.columnCount) == nil {
            let configuration = try Self.configuration(learner, parameter, value)
            let metric: MahalanobisMetric
            do {
                metric = try configuration.learner.fit(Self.data.features, classes: Self.data.labels)
            } catch {
                // A value the rule accepts may still not suit the data (a class too small for the neighbour count,
                // bounds that lose M to round-off): a data error, never a parameter error.
                if case .invalidParameter = error { Issue.record("\(learner) \(parameter) = \(value): \(error)") }
                continue
            }
            let file = ModelFile(metric: metric)
            let read = try ModelFile(jsonData: file.jsonData())
            #expect(read.metric.report.learner == configuration, "\(learner) \(parameter) = \(value)")
            let json = String(decoding: try file.jsonData(), as: UTF8.self)
            #expect(!json.contains("Infinity") && !json.contains("NaN"), "\(learner) \(parameter) = \(value)")
        }
    }
}
