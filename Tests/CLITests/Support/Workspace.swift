import Foundation

/// A fresh temporary directory for one test, holding copies of the bundled iris and wine CSV files.
struct Workspace {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("metric-learn-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["iris.csv", "wine.csv"] { try copyResource(name) }
    }

    /// Copies the bundled CSV file `name` (`diabetes.csv`, …) into the workspace.
    func copyResource(_ name: String) throws {
        let resources = CLI.packageRoot.appendingPathComponent("Sources/MetricLearn/Data/Resources")
        try FileManager.default.copyItem(at: resources.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }

    /// The path of `name` in the workspace.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` to `name`.
    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// The text of `name`.
    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    /// The bytes of `name`.
    func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// Whether `name` exists.
    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }

    /// The names of the files in the workspace, sorted (to spot leftover temporary files).
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Runs `metric-learn` in the workspace.
    func run(_ commandLine: String) throws -> CLI.Result {
        try CLI.run(commandLine, in: directory)
    }

    /// Runs `metric-learn` in the workspace with arguments given one by one (and `environment` added), on
    /// `processors` only when given (`taskset -c` syntax).
    func run(_ arguments: [String], environment: [String: String] = [:], processors: String? = nil) throws -> CLI.Result {
        try CLI.run(arguments, in: directory, environment: environment, processors: processors)
    }

    /// Runs `body` in a fresh workspace, then removes it.
    static func with<T>(_ body: (Workspace) throws -> T) throws -> T {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.directory) }
        return try body(workspace)
    }
}
