#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's resource usage (`getrusage(RUSAGE_SELF)`): every thread, OpenBLAS's included.
enum ProcessUsage {
    /// The resident-set high-water mark in bytes (`ru_maxrss`), or nil if `getrusage` fails.
    ///
    /// It only ever grows, so a case's own peak is meaningful only in a process that ran nothing
    /// bigger before it: the runner gives every case a fresh child process.
    static func peakResidentBytes() -> Int? {
        guard let usage = current() else { return nil }
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024   // kilobytes on Linux
        #else
        return Int(usage.ru_maxrss)          // bytes on macOS
        #endif
    }

    /// User plus system CPU seconds of all threads so far. On a loaded machine it varies less than
    /// wall time, but it also counts the time BLAS threads spend spinning while they wait for work.
    static func cpuSeconds() -> Double {
        guard let usage = current() else { return .nan }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func current() -> rusage? {
        var usage = rusage()
        #if os(Linux)
        let status = getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        let status = getrusage(RUSAGE_SELF, &usage)
        #endif
        return status == 0 ? usage : nil
    }
}
