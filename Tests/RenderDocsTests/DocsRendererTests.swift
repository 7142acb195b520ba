import Foundation
@testable import render_docs
import Testing

@Suite struct DocsRendererTests {
    @Test(arguments: [
        ("01-quick-start.ipynb", true),
        ("01-quick-start.md", true),
        ("figures/01-quick-start-12.svg", true),
        ("figures/01-quick-start-x.svg", false),
        ("figures/09-other-1.svg", false),
        ("README.md", false),
        ("01-quick-start.txt", false),
    ])
    func recognisesRenderedFiles(path: String, isRendered: Bool) {
        #expect(DocsRenderer.isRenderedFile(path, slugs: ["01-quick-start"]) == isRendered)
    }

    @Test(arguments: [("01-quick-start", true), ("7-x", false), ("01-Quick", false), ("01-", false), ("ab-cd", false)])
    func slugs(name: String, isSlug: Bool) {
        #expect(Example.isSlug(name) == isSlug)
    }

    /// `--output /abs/path` writes there, not under the package root; a relative path is under the root.
    @Test func theOutputDirectoryIsAbsoluteOrUnderTheRoot() throws {
        let root = URL(fileURLWithPath: "/work/package")
        #expect(try RenderDocsCommand.parse(["--output", "/tmp/notebooks"]).outputDirectory(root: root).path
                    == "/tmp/notebooks")
        #expect(try RenderDocsCommand.parse(["--output", "out/nb"]).outputDirectory(root: root).path == "/work/package/out/nb")
        #expect(try RenderDocsCommand.parse([]).outputDirectory(root: root).path == "/work/package/Docs/Notebooks")
    }
}
