// libFuzzer harness for the model-file decoder: every input is decoded as a model file and must keep the
// properties of `ModelFileCheck`. Build and run with `make fuzz` (see Docs/Robustness.md).
//
// Built with `-D FUZZING` libFuzzer supplies `main`; in a normal build this file's `main` replays the
// files named on the command line: `swift run fuzz-model-file path/to/input`.
import FuzzChecks

/// Decodes one input; traps (which libFuzzer records as a crash) when a property breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let violations = ModelFileCheck.violations(Array(UnsafeBufferPointer(start: data, count: size)))
    if !violations.isEmpty { fatalError(violations.joined(separator: "\n")) }
    return 0
}

#if !FUZZING
@main
enum ModelFileFuzzer {
    static func main() { FuzzReplay.run(CommandLine.arguments.dropFirst(), check: ModelFileCheck.violations) }
}
#endif
