import Foundation

/// Renders examples into notebook files: builds the instrumented copies, runs each in a fresh
/// directory, and turns its marked output into a notebook, a Markdown page and figure files.
struct DocsRenderer {
    /// The package root.
    let root: URL

    /// Every file the examples render to: path relative to the output directory → contents.
    func render(_ examples: [Example], log: (String) -> Void) throws -> [String: String] {
        let scratch = ScratchPackage(root: root)
        try scratch.prepare(examples)
        log("Building \(examples.count) instrumented example\(examples.count == 1 ? "" : "s") in \(scratch.directory.path)")
        try scratch.build()

        var files: [String: String] = [:]
        for example in examples {
            log("Running \(example.slug)")
            let outputs = try run(example, executable: scratch.executable(for: example))
            files[example.slug + ".ipynb"] = NotebookWriter.notebook(for: example, outputs: outputs)
            let (markdown, figures) = MarkdownWriter.document(for: example, outputs: outputs)
            files[example.slug + ".md"] = markdown
            for figure in figures { files[figure.path] = figure.svg }
        }
        return files
    }

    /// The environment every example runs with: one BLAS thread, so sums are added in one order, and
    /// no crash backtrace (a failing example's error message is what the author needs).
    static let exampleEnvironment = ["OPENBLAS_NUM_THREADS": "1", "SWIFT_BACKTRACE": "enable=no"]

    private func run(_ example: Example, executable: URL) throws -> [Int: CellOutput] {
        let result = try ProcessRunner.runInScratchDirectory(executable, environment: Self.exampleEnvironment)
        let firstCode = example.cells.firstIndex { $0.kind == .code } ?? 0
        guard result.status == 0 else {
            let marks = result.stdout.split(separator: Instrumentation.separator).dropFirst()
            let cell = marks.compactMap { $0.hasPrefix("cell ") ? Int($0.dropFirst(5).prefix { $0 != "\n" }) : nil }.last
            let line = example.cells[cell ?? firstCode].firstLine
            throw RenderError("\(example.sourcePath) exited with status \(result.status) in the cell starting at "
                + "line \(line):\n" + result.stderr)
        }
        do {
            return try CellOutput.split(result.stdout, firstCodeCell: firstCode)
        } catch {
            throw RenderError("\(example.sourcePath): \(error)")
        }
    }

    /// Whether `path` (relative to the output directory) is a file this renderer writes for `slugs`.
    static func isRenderedFile(_ path: String, slugs: Set<String>) -> Bool {
        if path.hasPrefix("figures/") {
            let name = path.dropFirst("figures/".count)
            guard name.hasSuffix(".svg"), let dash = name.dropLast(4).lastIndex(of: "-") else { return false }
            return slugs.contains(String(name[..<dash])) && Int(name[name.index(after: dash)...].dropLast(4)) != nil
        }
        for suffix in [".ipynb", ".md"] where path.hasSuffix(suffix) {
            return slugs.contains(String(path.dropLast(suffix.count)))
        }
        return false
    }
}
