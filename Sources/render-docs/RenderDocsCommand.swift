import ArgumentParser
import Foundation

/// `render-docs`: turns every `Examples/NN-slug/main.swift` into `NN-slug.ipynb`, `NN-slug.md`
/// and `figures/NN-slug-N.svg` under the output directory, or checks that those are up to date.
@main
struct RenderDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-docs",
        abstract: "Render Examples/ into notebooks: code, its real output and its figures side by side.",
        discussion: """
            Each example is split into cells (Swift Playground markup: `//:` lines and `/*: … */` blocks are \
            Markdown), instrumented, built in .build/render-docs/, and run in an empty temporary directory. \
            Printed output and the SVG files it writes are attached to the cell that produced them.
            """
    )

    @Option(help: "The output directory: absolute, or relative to the package root.")
    var output = "Docs/Notebooks"

    @Option(help: "The package root (the directory holding Package.swift and Examples/).")
    var packagePath = "."

    @Option(name: .customLong("only"), help: "Render only this example (its slug, e.g. 01-quick-start); repeatable.")
    var only: [String] = []

    @Flag(help: "Render in memory and exit non-zero if any file in the output directory differs.")
    var check = false

    func run() throws {
        let root = URL(fileURLWithPath: packagePath).standardizedFileURL
        let started = ContinuousClock.now
        var examples = try Example.discover(in: root)
        if !only.isEmpty {
            let unknown = Set(only).subtracting(examples.map(\.slug))
            guard unknown.isEmpty else { throw ValidationError("no example named \(unknown.sorted().joined(separator: ", "))") }
            examples = examples.filter { only.contains($0.slug) }
        }
        guard !examples.isEmpty else { throw ValidationError("no Examples/NN-slug/main.swift under \(root.path)") }

        let renderer = DocsRenderer(root: root)
        let files: [String: String]
        do {
            files = try renderer.render(examples) { FileHandle.standardError.write(Data(("render-docs: " + $0 + "\n").utf8)) }
        } catch let error as RenderError {
            FileHandle.standardError.write(Data("render-docs: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let differences = compare(files, slugs: Set(examples.map(\.slug)), in: outputDirectory(root: root))
        let seconds = (ContinuousClock.now - started).components.seconds
        if check {
            guard differences.isEmpty else {
                for (path, reason) in differences { print("render-docs: stale: \(output)/\(path) (\(reason))") }
                print("render-docs: \(differences.count) file\(differences.count == 1 ? "" : "s") out of date; run `make docs` and commit.")
                throw ExitCode.failure
            }
            print("render-docs: \(files.count) files in \(output) are up to date (\(examples.count) examples, \(seconds) s).")
        } else {
            for (path, _) in differences { try apply(path, files: files, in: outputDirectory(root: root)) }
            print("render-docs: \(differences.count) file\(differences.count == 1 ? "" : "s") changed, "
                + "\(files.count) rendered (\(examples.count) examples, \(seconds) s).")
        }
    }

    /// `--output`: an absolute path as given, a relative one under the package root.
    func outputDirectory(root: URL) -> URL {
        output.hasPrefix("/") ? URL(fileURLWithPath: output) : root.appendingPathComponent(output)
    }

    /// The rendered files (paths relative to `directory`) that differ from the disk, and the rendered-looking files
    /// in `directory` that were not rendered.
    private func compare(_ files: [String: String], slugs: Set<String>, in directory: URL) -> [(String, String)] {
        var differences: [(String, String)] = []
        for path in files.keys.sorted() {
            guard let existing = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
                differences.append((path, "missing"))
                continue
            }
            if existing != Data(files[path, default: ""].utf8) { differences.append((path, "differs")) }
        }
        let existing = (FileManager.default.subpaths(atPath: directory.path) ?? []).sorted()
        for path in existing where DocsRenderer.isRenderedFile(path, slugs: slugs) && files[path] == nil {
            differences.append((path, "no longer rendered"))
        }
        return differences
    }

    private func apply(_ path: String, files: [String: String], in directory: URL) throws {
        let url = directory.appendingPathComponent(path)
        guard let text = files[path] else {
            try FileManager.default.removeItem(at: url)
            return
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
