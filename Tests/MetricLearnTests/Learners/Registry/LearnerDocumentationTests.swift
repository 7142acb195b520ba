import Foundation
import MetricLearn
import Testing

/// The reference documentation covers every registered learner: a "Choosing a learner" row, an algorithm
/// article named after the configuration type, and every parameter of the registration in that article.
@Suite struct LearnerDocumentationTests {
    static let catalog = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MetricLearn/MetricLearn.docc")

    private static func article(_ name: String) throws -> String {
        try String(contentsOf: catalog.appendingPathComponent(name + ".md"), encoding: .utf8)
    }

    @Test(arguments: LearnerRegistry.all.map(\.name))
    func choosingALearnerHasARowForEveryLearner(_ name: String) throws {
        let registration = try #require(LearnerRegistry.registration(named: name))
        let guide = try Self.article("ChoosingALearner")
        #expect(guide.contains("\n| ``\(registration.learnerType)`` |"), "ChoosingALearner.md has no row for \(name)")
    }

    @Test(arguments: LearnerRegistry.all.map(\.name))
    func everyLearnerHasAnArticleWithEveryParameter(_ name: String) throws {
        let registration = try #require(LearnerRegistry.registration(named: name))
        let article = try Self.article("Algorithm-\(registration.learnerType)")
        for parameter in registration.parameters {
            #expect(article.contains("`\(parameter.name)`"),
                    "Algorithm-\(registration.learnerType).md does not document `\(parameter.name)`")
        }
        let landing = try Self.article("MetricLearn")
        #expect(landing.contains("<doc:Algorithm-\(registration.learnerType)>"), "the landing page does not list it")
    }
}
