import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory this process may use, and the check every large allocation (d², n·d, n² elements) makes first:
/// a computation that would need more is refused with `insufficientMemory`, naming what needs it and what
/// reduces it, instead of being killed by the kernel or trapping in the allocator.
enum MemoryBudget {
    /// The bytes this process may hold: the machine's physical memory, lowered by a cgroup memory limit
    /// (containers) and by `RLIMIT_AS` / `RLIMIT_DATA` when they are set. Read once.
    static let availableBytes: Int = {
        var limits = [physicalMemory()]
        limits += cgroupLimitFiles.compactMap(limit(inFile:))
        #if os(Linux)
        let resources = [RLIMIT_AS, RLIMIT_DATA].map { __rlimit_resource_t($0.rawValue) }
        #else
        let resources = [RLIMIT_AS, RLIMIT_DATA]
        #endif
        for resource in resources {
            var limit = rlimit()
            if getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max {
                limits.append(Int(clamping: limit.rlim_cur))
            }
        }
        return limits.filter { $0 > 0 }.min() ?? Int.max
    }()

    /// Throws `insufficientMemory` when `what` needs more than `availableBytes`: `doubles` Double values
    /// (computed in floating point, so the estimate of an absurd size cannot overflow).
    static func require(doubles: Double, for what: @autoclosure () -> String,
                        remedies: [MemoryRemedy]) throws(MetricLearnError) {
        let bytes = 8 * doubles
        guard bytes > Double(availableBytes) else { return }
        throw .insufficientMemory(what: what(), requiredBytes: Int(clamping: UInt64(min(bytes, 9e18))),
                                  availableBytes: availableBytes, remedies: remedies)
    }

    /// `bytes` for people: `80 GB`, `512 MB`, three significant digits at most.
    static func describe(bytes: Double) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"]
        var value = bytes
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let rounded = value >= 100 ? value.rounded() : value >= 10 ? (value * 10).rounded() / 10 : (value * 100).rounded() / 100
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }

    private static let cgroupLimitFiles = ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]

    private static func physicalMemory() -> Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return Int.max }
        return pages.multipliedReportingOverflow(by: pageSize).overflow ? Int.max : pages * pageSize
    }

    /// The number in a cgroup limit file (`max` and unreadable files give nil).
    private static func limit(inFile path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// What reduces the memory a computation needs, as `MetricLearnError.insufficientMemory` suggests it.
public enum MemoryRemedy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Use fewer feature columns (leave some out).
    case fewerFeatures
    /// Ask for fewer output components.
    case fewerComponents
    /// Use fewer samples (rows).
    case fewerSamples
    /// Start an iterative learner from another initialization (PCA instead of LDA's d×d scatter matrices).
    case otherInitialization

    /// The remedy in words: `use fewer features`.
    public var description: String {
        switch self {
        case .fewerFeatures: "use fewer features"
        case .fewerComponents: "ask for fewer components"
        case .fewerSamples: "use fewer samples"
        case .otherInitialization: "start from another initialization (pca)"
        }
    }
}
