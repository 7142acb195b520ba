import Foundation

/// Runs a fuzz check over files outside libFuzzer: what a fuzzer executable does in a normal build.
public enum FuzzReplay {
    /// Checks each file at `paths` with `check`, prints what broke, and exits with status 1 if anything did.
    public static func run(_ paths: some Sequence<String>, check: ([UInt8]) -> [String]) -> Never {
        var failed = false
        for path in paths {
            guard let contents = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                failed = true
                continue
            }
            let violations = check(Array(contents))
            print("\(path): \(violations.isEmpty ? "ok" : violations.joined(separator: "\n  "))")
            failed = failed || !violations.isEmpty
        }
        exit(failed ? 1 : 0)
    }
}
