import Foundation
import FuzzChecks
import MetricLearn
import Testing

/// The inputs the fuzzers found problems with (`Fuzz/Regressions/<harness>/`) and their seed corpora
/// (`Fuzz/Corpus/<harness>/`), replayed through the same checks the fuzzers run, in a normal build.
@Suite struct FuzzRegressionTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The paths of the files in `Fuzz/<kind>/<harness>/`, sorted.
    static func inputs(_ kind: String, _ harness: String) -> [String] {
        let directory = fuzzDirectory.appendingPathComponent(kind).appendingPathComponent(harness)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0).path }
    }

    @Test(arguments: inputs("Regressions", "csv-reader") + inputs("Corpus", "csv-reader"))
    func csvReaderKeepsItsProperties(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(CSVReaderCheck.violations(bytes) == [])
    }

    @Test(arguments: inputs("Regressions", "model-file") + inputs("Corpus", "model-file"))
    func modelFileDecoderKeepsItsProperties(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(ModelFileCheck.violations(bytes) == [])
    }

    /// The model-file seeds are valid models, so that the fuzzer starts from inside the format (a change of
    /// the format that stops one decoding shows up here).
    @Test(arguments: inputs("Corpus", "model-file"))
    func modelFileSeedsAreValidModels(_ path: String) throws {
        #expect(throws: Never.self) { try ModelFile(contentsOfFile: path) }
    }

    @Test(arguments: ["csv-reader", "model-file"])
    func everyHarnessHasASeedCorpus(_ harness: String) {
        #expect(Self.inputs("Corpus", harness).count >= 5)
    }
}
