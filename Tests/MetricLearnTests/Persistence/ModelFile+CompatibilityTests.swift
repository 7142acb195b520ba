import Foundation
import MetricLearn
import Testing

/// The golden model files of `Fixtures/ModelFiles` (see its README): what release 0.1.0 wrote must
/// keep loading, transforming and encoding as it did.
@Suite struct ModelFileCompatibilityTests {
    /// One golden model: its file, the input it transforms and the recorded output.
    struct Golden: Decodable, Sendable, CustomTestStringConvertible {
        let model: String
        let input: String
        let expected: String
        let fit: String

        var testDescription: String { model }
    }

    private struct Manifest: Decodable {
        let models: [Golden]
    }

    static let directory = Fixture.directory.appendingPathComponent("ModelFiles")

    /// The manifest's models, or none when it cannot be read (which `manifestCoversEveryLearner` fails).
    static let goldens: [Golden] = {
        let url = directory.appendingPathComponent("manifest.json")
        return (try? JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url)).models) ?? []
    }()

    private static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    @Test func manifestCoversEveryLearnerWithAndWithoutATablePreprocessor() {
        let learners = ["whitening", "nca", "lmnn", "itml", "feature-weights"]
        #expect(Self.goldens.count == 16)
        for learner in learners {
            let models = Self.goldens.filter { $0.fit.hasPrefix("metric-learn fit \(learner) ") }.map(\.model)
            #expect(models.contains { $0.hasSuffix("-table.json") }, "\(learner) with a table preprocessor")
            #expect(models.contains { !$0.hasSuffix("-table.json") }, "\(learner) without one")
        }
    }

    @Test("model files written by release 0.1.0 still load and transform to the same numbers",
          arguments: goldens)
    func loadsAndTransformsToTheRecordedNumbers(_ golden: Golden) throws {
        let file = try ModelFile(contentsOfFile: Self.path(golden.model))
        #expect(golden.fit.hasPrefix("metric-learn fit \(file.learner) "))
        #expect((file.tablePreprocessor != nil) == golden.model.hasSuffix("-table.json"))

        let features: Matrix
        if let preprocessor = file.tablePreprocessor {
            let table = try RawTable(csvFile: Self.path(golden.input), readingColumnsOf: preprocessor)
            features = try preprocessor.transform(table).features
        } else {
            features = try FeatureTable(csvFile: Self.path(golden.input), columns: .named(file.metric.featureNames))
                .features
        }
        let expected = try FeatureTable(csvFile: Self.path(golden.expected)).features
        #expect(expected.rowCount == features.rowCount)
        #expect(try file.metric.transform(features) == expected)
    }

    @Test(arguments: goldens)
    func encodingAGoldenFileAgainGivesItsBytes(_ golden: Golden) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.path(golden.model)))
        #expect(try ModelFile(jsonData: bytes).jsonData() == bytes)
    }
}
