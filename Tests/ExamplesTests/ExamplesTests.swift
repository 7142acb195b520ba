import Foundation
@testable import render_docs
import Testing

/// Runs every example as this package builds it (`swift build` and `swift test` build the example
/// executables) and checks that what it prints and draws is exactly what its committed notebook
/// shows. `swift run render-docs --check` checks the per-cell layout as well; this test needs no
/// second build, so stale notebooks and broken examples fail `swift test` quickly.
@Suite struct ExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = (try? Example.discover(in: root)) ?? []

    @Test func everyExampleIsAPackageTarget() throws {
        #expect(!Self.examples.isEmpty)
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for example in Self.examples {
            #expect(manifest.contains("\"\(example.slug)\","), "add \(example.slug) to the examples in Package.swift")
        }
    }

    @Test(arguments: examples.map(\.slug))
    func printsAndDrawsWhatItsNotebookShows(slug: String) throws {
        let executable = try #require(Self.executable(named: slug), "\(slug) is not built: run `swift build` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("examples-test-\(slug)-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let result = try ProcessRunner.run(executable, in: directory, environment: DocsRenderer.exampleEnvironment)
        #expect(result.status == 0, "\(slug) failed: \(result.stderr)")

        let notebook = try Self.notebookOutputs(slug: slug)
        let difference = Self.firstDifference(notebook.text, result.stdout)
        #expect(difference == nil, "Docs/Notebooks/\(slug).ipynb is stale (run `make docs`): \(difference ?? "")")
        var written: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".svg") {
            written[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        let names = Set(written.keys).union(notebook.figures.keys).sorted()
        let stale = names.filter { written[$0] != notebook.figures[$0] }
        #expect(stale.isEmpty, "figures of \(slug) differ from its notebook (run `make docs`): \(stale)")
    }

    /// The first line where `actual` departs from `expected`, described; nil when they are equal.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let shown: ([Substring]) -> String = { line < $0.count ? "'\($0[line])'" : "end of output" }
        return "line \(line + 1): the notebook has \(shown(a)), the example printed \(shown(b))"
    }

    /// The example executable next to the test binary (or in `.build/debug`).
    static func executable(named name: String) -> URL? {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          root.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// All printed text of a committed notebook, in order, and the last version of each figure by file name.
    static func notebookOutputs(slug: String) throws -> (text: String, figures: [String: String]) {
        let url = root.appendingPathComponent("Docs/Notebooks/\(slug).ipynb")
        try #require(FileManager.default.fileExists(atPath: url.path), "Docs/Notebooks/\(slug).ipynb is missing: run `make docs`")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var text = "", figures: [String: String] = [:]
        let joined: (Any?) -> String = { ($0 as? [String])?.joined() ?? "" }
        for cell in json["cells"] as? [[String: Any]] ?? [] {
            for output in cell["outputs"] as? [[String: Any]] ?? [] {
                if output["output_type"] as? String == "stream" { text += joined(output["text"]) }
                guard let data = output["data"] as? [String: Any] else { continue }
                let label = joined(data["text/plain"])
                let name = String(label.dropFirst("<Figure ".count).dropLast())
                figures[name] = joined(data["image/svg+xml"])
            }
        }
        return (text, figures)
    }
}
