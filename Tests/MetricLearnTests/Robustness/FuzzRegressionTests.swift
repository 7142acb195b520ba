import Foundation
import FuzzChecks
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

    @Test func everyHarnessHasRegressionsAndASeedCorpus() {
        #expect(Self.inputs("Regressions", "csv-reader").count >= 1)
        #expect(Self.inputs("Corpus", "csv-reader").count >= 5)
    }
}
