import Foundation
import MetricLearn
import Testing

@Suite struct ModelFileTests {
    /// A hand-made 2×2 whitening metric with a known report.
    let metric = MahalanobisMetric(
        components: Matrix(rows: [[0.5, 0], [0.25, 2]]), featureNames: ["height", "width"],
        report: FitReport(learner: .whitening(Whitening(mode: .total, shrinkage: .fixed(0.1))), fitSeconds: 0.25,
                          details: ["effectiveRank": 2]))

    /// The document of `metric`, byte for byte: sorted keys, pretty printed, one trailing newline.
    static let expectedJSON = """
        {
          "components" : {
            "columns" : 2,
            "rows" : 2,
            "values" : [
              0.5,
              0,
              0.25,
              2
            ]
          },
          "configuration" : {
            "name" : "whitening",
            "parameters" : {
              "mode" : "total",
              "relativeTolerance" : 1e-10,
              "shrinkage" : {
                "fixed" : {
                  "coefficient" : 0.1
                }
              }
            }
          },
          "featureNames" : [
            "height",
            "width"
          ],
          "formatVersion" : 1,
          "learner" : "whitening",
          "libraryVersion" : "\(MetricLearnVersion.current)",
          "report" : {
            "details" : {
              "effectiveRank" : 2
            },
            "didConverge" : true,
            "fitSeconds" : 0.25,
            "iterations" : 0,
            "objectiveHistory" : [

            ]
          }
        }

        """

    private func document(_ text: String) -> Data { Data(text.utf8) }

    /// `expectedJSON` with `old` replaced by `new` (the replacement must happen).
    private func edited(_ old: String, _ new: String) -> Data {
        let text = Self.expectedJSON
        precondition(text.contains(old), "the edit must change the document")
        return document(text.replacingOccurrences(of: old, with: new))
    }

    private func reason(_ data: Data) -> String? {
        do {
            _ = try ModelFile(jsonData: data)
            return nil
        } catch {
            guard case let .modelFile(reason) = error else { return "unexpected \(error)" }
            return reason
        }
    }

    @Test func writesTheDocumentedLayout() throws {
        let text = String(decoding: try ModelFile(metric: metric).jsonData(), as: UTF8.self)
        #expect(text == Self.expectedJSON)
    }

    @Test func roundTripIsExact() throws {
        let iterative = MahalanobisMetric(
            components: Matrix(rows: [[0.1, -0.2, 1.0 / 3]]), featureNames: ["a", "b", "c"],
            featureWeights: [FeatureWeight(feature: "c", weight: 1.5), FeatureWeight(feature: "a", weight: 0)],
            report: FitReport(learner: .whitening(Whitening(mode: .withinClass, shrinkage: .none, componentCount: 1)), iterations: 7,
                              didConverge: false, objectiveHistory: [3.5, 2.25, .infinity, .nan],
                              fitSeconds: 1.0 / 7))
        let decoded = try ModelFile(jsonData: ModelFile(metric: iterative).jsonData())
        #expect(decoded.formatVersion == 1)
        #expect(decoded.learner == "whitening")
        #expect(decoded.metric.components == iterative.components)
        #expect(decoded.metric.featureNames == ["a", "b", "c"])
        #expect(decoded.metric.featureWeights == iterative.featureWeights)
        #expect(decoded.metric.report.learner == iterative.report.learner)
        #expect(decoded.metric.report.iterations == 7 && !decoded.metric.report.didConverge)
        #expect(decoded.metric.report.fitSeconds == 1.0 / 7)
        let history = decoded.metric.report.objectiveHistory
        #expect(history.count == 4 && history[0] == 3.5 && history[2] == .infinity && history[3].isNaN)
    }

    @Test func decodesTheDocumentedLayout() throws {
        let file = try ModelFile(jsonData: document(Self.expectedJSON))
        #expect(file == ModelFile(metric: metric))
        #expect(file.libraryVersion == MetricLearnVersion.current)
    }

    @Test func ignoresUnknownKeysAndAcceptsAMissingLibraryVersion() throws {
        let file = try ModelFile(jsonData: edited(
            "\"libraryVersion\" : \"\(MetricLearnVersion.current)\",", "\"comment\" : \"added by hand\","))
        #expect(file.libraryVersion == nil)
        #expect(file.metric == metric)
    }

    @Test func refusesANewerFormatVersion() {
        let message = reason(edited("\"formatVersion\" : 1", "\"formatVersion\" : 4"))
        #expect(message?.hasPrefix("'formatVersion': 4 is newer than this version of MetricLearn") == true)
        #expect(message?.hasSuffix("can read (up to 3); upgrade MetricLearn") == true)
    }

    @Test func versionTwoWithoutPreprocessorReads() throws {
        let file = try ModelFile(jsonData: edited("\"formatVersion\" : 1", "\"formatVersion\" : 2"))
        #expect(file.formatVersion == 2)
        #expect(file.tablePreprocessor == nil)
        #expect(file.metric == metric)
    }

    @Test(arguments: [
        ("{\"formatVersion\" : 1", "not valid JSON"),
        ("", "not valid JSON"),
        ("[1, 2, 3]", "the document is not a JSON object"),
    ])
    func refusesTextThatIsNotAModel(text: String, expectedPrefix: String) {
        #expect(reason(document(text))?.hasPrefix(expectedPrefix) == true)
    }

    @Test(arguments: [
        ("\"formatVersion\" : 1", "\"formatVersion\" : 0", "'formatVersion': 0 is not a format version (they start at 1)"),
        ("\"formatVersion\" : 1", "\"formatVersion\" : \"one\"", "'formatVersion' is not a whole number"),
        ("\"formatVersion\" : 1,", "", "missing key 'formatVersion'"),
        ("\"learner\" : \"whitening\"", "\"learner\" : \"nca\"",
         "'learner': 'nca' does not match the configuration's learner 'whitening'"),
        ("\"name\" : \"whitening\"", "\"name\" : \"magic\"", "'configuration.name': unknown learner 'magic'"),
        ("\"rows\" : 2", "\"rows\" : 3", "'components.values': a 3×2 matrix cannot hold the 4 values found"),
        ("0.25,\n      2", "0.25,\n      \"NaN\"", "'components': non-finite value at row 1, column 1"),
        ("0.25,\n      2", "0.25,\n      \"two\"", "'components.values[3]' is not a number"),
        ("\"height\",", "", "'featureNames': 1 names for the 2 columns of the components"),
        ("\"height\",", "\"width\",", "'featureNames': a feature name appears twice"),
        ("\"didConverge\" : true,", "", "missing key 'report.didConverge'"),
        ("\"iterations\" : 0", "\"iterations\" : -3",
         "'report': iterations (-3) and fitSeconds (0.25) must be non-negative"),
        ("\"featureNames\" :", "\"featureWeights\" : [{\"feature\" : \"depth\", \"weight\" : 1}], \"featureNames\" :",
         "'featureWeights': the weight 1.0 of 'depth' is not a non-negative weight of a listed feature"),
    ])
    func namesWhatIsWrong(old: String, new: String, expected: String) {
        #expect(reason(edited(old, new)) == expected)
    }
}

/// Model files that record a table preprocessor (format version 2).
extension ModelFileTests {
    /// A preprocessor fitted on a table with a categorical column (two categories) and a numeric column
    /// with a missing cell, median imputation: features `color=blue`, `color=red`, `size`.
    static func preprocessor() throws -> TablePreprocessor {
        let table = try RawTable(columns: [RawColumn(name: "color", categories: ["red", "blue", "red", nil]),
                                           RawColumn(name: "size", numbers: [1, nil, 4, 10])])
        return try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(table)
    }

    /// A diagonal metric on the preprocessor's three features.
    static func preprocessedModel() throws -> ModelFile {
        let preprocessor = try preprocessor()
        let metric = MahalanobisMetric(components: Matrix(rows: [[1, 0, 0], [0, 2, 0], [0, 0, 0.5]]),
                                       featureNames: preprocessor.featureNames,
                                       report: FitReport(learner: .whitening(Whitening()), fitSeconds: 0.5))
        return try ModelFile(metric: metric, tablePreprocessor: preprocessor)
    }

    @Test func aTablePreprocessorMakesVersionTwoAndRoundTrips() throws {
        let file = try Self.preprocessedModel()
        #expect(file.formatVersion == 2)
        #expect(file.inputColumnNames == ["color", "size"])
        #expect(file.metric.featureNames == ["color=blue", "color=red", "size"])
        let text = String(decoding: try file.jsonData(), as: UTF8.self)
        #expect(text.contains("\"formatVersion\" : 2,"))
        #expect(text.contains("\"tablePreprocessor\" : {"))
        let decoded = try ModelFile(jsonData: Data(text.utf8))
        #expect(decoded == file)
        #expect(decoded.tablePreprocessor?.imputation?.fills.map(\.value) == [.category("red"), .number(4)])
        // The decoded preprocessor applies the training statistics: size 4 fills the gap, green is unseen.
        let new = try RawTable(columns: [RawColumn(name: "color", categories: ["green", "blue"]),
                                         RawColumn(name: "size", numbers: [nil, 3])])
        let x = try #require(decoded.tablePreprocessor).transform(new).features
        #expect(x.row(0) == [0, 0, 4])
        #expect(x.row(1) == [1, 0, 3])
    }

    @Test func withoutATablePreprocessorTheDocumentIsUnchanged() throws {
        let file = try ModelFile(metric: metric, tablePreprocessor: nil)
        #expect(file.formatVersion == 1)
        #expect(file.inputColumnNames == ["height", "width"])
        #expect(String(decoding: try file.jsonData(), as: UTF8.self) == Self.expectedJSON)
    }

    @Test func refusesFeatureNamesThatAreNotThePreprocessorsOutput() throws {
        let preprocessor = try Self.preprocessor()
        #expect(throws: MetricLearnError.self) { try ModelFile(metric: metric, tablePreprocessor: preprocessor) }
        let text = String(decoding: try Self.preprocessedModel().jsonData(), as: UTF8.self)
        let renamed = text.replacingOccurrences(of: "\"color=red\"", with: "\"color=green\"")
        #expect(renamed != text)
        #expect(reason(Data(renamed.utf8)) == "'tablePreprocessor': its output features (color=blue, color=red, size) "
                    + "are not the featureNames")
    }

    @Test func refusesATablePreprocessorInAVersionOneDocument() throws {
        let text = String(decoding: try Self.preprocessedModel().jsonData(), as: UTF8.self)
        let old = text.replacingOccurrences(of: "\"formatVersion\" : 2", with: "\"formatVersion\" : 1")
        #expect(old != text)
        #expect(reason(Data(old.utf8)) == "'tablePreprocessor': needs formatVersion 2 or later, not 1 (older readers ignore it)")
    }

    @Test func namesABrokenPreprocessorKeyPath() throws {
        let text = String(decoding: try Self.preprocessedModel().jsonData(), as: UTF8.self)
        let broken = text.replacingOccurrences(of: "\"kind\" : \"numeric\"", with: "\"kind\" : \"textual\"")
        #expect(broken != text)
        #expect(reason(Data(broken.utf8))?.hasPrefix("'tablePreprocessor.") == true)
    }
}
