#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The resident-set high-water mark of this process (`getrusage` `ru_maxrss`).
///
/// It only ever grows, so a case's own peak is meaningful only in a process that ran nothing
/// bigger before it: the runner gives every case a fresh child process.
enum PeakMemory {
    /// Peak resident bytes so far, or nil if `getrusage` fails.
    static func bytes() -> Int? {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss) * 1024   // kilobytes on Linux
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss)          // bytes on macOS
        #endif
    }
}
