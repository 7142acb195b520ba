import Foundation

/// A literate example: `Examples/NN-slug/main.swift`, split into cells.
struct Example: Hashable {
    /// The directory name, e.g. `01-quick-start`; it names the notebook and the figures.
    let slug: String
    /// The source path relative to the package root, e.g. `Examples/01-quick-start/main.swift`.
    let sourcePath: String
    let cells: [SourceCell]

    init(slug: String, sourcePath: String, source: String) {
        self.slug = slug
        self.sourcePath = sourcePath
        cells = PlaygroundMarkup.cells(in: source)
    }

    /// Whether `name` has the `NN-slug` form: two digits, a hyphen, then lowercase letters, digits and hyphens.
    static func isSlug(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        guard scalars.count > 3, isDigit(scalars[0]), isDigit(scalars[1]), scalars[2] == "-" else { return false }
        return scalars.dropFirst(3).allSatisfy { ("a"..."z").contains($0) || isDigit($0) || $0 == "-" }
    }

    /// Every `Examples/NN-slug/main.swift` under `root`, in slug order.
    static func discover(in root: URL, examplesDirectory: String = "Examples") throws -> [Example] {
        let directory = root.appendingPathComponent(examplesDirectory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter(isSlug).sorted()
        return try names.compactMap { name in
            let path = examplesDirectory + "/" + name + "/main.swift"
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return Example(slug: name, sourcePath: path, source: try String(contentsOf: url, encoding: .utf8))
        }
    }
}
