// libFuzzer harness for the CSV reader: every input is read in every format and must keep the
// properties of `CSVReaderCheck`. Build and run with `make fuzz` (see Docs/Robustness.md).
//
// Built with `-D FUZZING` libFuzzer supplies `main`; in a normal build this file's `main` replays
// the files named on the command line, so a crashing input can be re-run without instrumentation:
// `swift run fuzz-csv-reader path/to/input`.
import FuzzChecks

/// Reads one input; traps (which libFuzzer records as a crash) when a property breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let violations = CSVReaderCheck.violations(Array(UnsafeBufferPointer(start: data, count: size)))
    if !violations.isEmpty { fatalError(violations.joined(separator: "\n")) }
    return 0
}

#if !FUZZING
@main
enum CSVReaderFuzzer {
    static func main() { FuzzReplay.run(CommandLine.arguments.dropFirst(), check: CSVReaderCheck.violations) }
}
#endif
