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

    /// The environment every example runs with: one BLAS thread, so sums are added in one order, the same BLAS
    /// kernels on every x86-64 machine that can run them, and no crash backtrace (a failing example's error message
    /// is what the author needs).
    static let exampleEnvironment = ["OPENBLAS_NUM_THREADS": "1", "SWIFT_BACKTRACE": "enable=no"]
        .merging(pinnedBLASKernels) { $1 }

    /// OpenBLAS chooses its kernels by CPU, and its kernels for AVX-512 add in another order than those for AVX2:
    /// an iterative fit (MLKR's notebook) then ends on other digits on an Intel Xeon than on an AMD EPYC. Every
    /// x86-64 CPU with AVX2 and FMA runs the Haswell kernels (AMD's Zen ones are the same code), so they are pinned
    /// there and the notebooks render the same on both; elsewhere OpenBLAS chooses as usual.
    private static var pinnedBLASKernels: [String: String] {
        #if arch(x86_64) && os(Linux)
        guard let cpuInfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = cpuInfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [:] }
        let names = Set(flags.split(separator: " "))
        return names.contains("avx2") && names.contains("fma") ? ["OPENBLAS_CORETYPE": "Haswell"] : [:]
        #else
        return [:]
        #endif
    }

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
