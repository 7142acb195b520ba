import Foundation
import MetricLearn

/// The machine a report was measured on.
struct Machine: Sendable, Codable {
    /// CPU model name (`/proc/cpuinfo`).
    let cpuModel: String
    /// Logical processors available to this process (what `nproc` prints).
    let processorCount: Int
    /// Physical memory in bytes.
    let memoryBytes: UInt64
    /// OPENBLAS_NUM_THREADS as the cases see it (nil: unset, OpenBLAS uses every core).
    let openBLASThreads: String?
    /// The installed OpenBLAS package and version (`dpkg-query`), when known.
    let openBLASPackage: String?
    /// The kernels OpenBLAS runs ("SkylakeX", "Haswell", …; `OPENBLAS_CORETYPE` when set).
    let openBLASCore: String
    /// The 1-, 5- and 15-minute load averages at the start: other work on the machine skews timings.
    let loadAverage: String?
    /// Operating system version.
    let operatingSystem: String

    static func current(openBLASThreads: String?) -> Machine {
        Machine(cpuModel: cpuModel() ?? "unknown",
                processorCount: ProcessInfo.processInfo.activeProcessorCount,
                memoryBytes: ProcessInfo.processInfo.physicalMemory,
                openBLASThreads: openBLASThreads,
                openBLASPackage: openBLASPackage(),
                openBLASCore: BLASKernels.coreName,
                loadAverage: firstLine(of: "/proc/loadavg").map { $0.split(separator: " ").prefix(3).joined(separator: " ") },
                operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString)
    }

    private static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        let line = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("model name") }
        return line?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
    }

    private static func firstLine(of path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.split(whereSeparator: \.isNewline).first.map(String.init)
    }

    /// The first installed Debian OpenBLAS runtime package, e.g. `libopenblas0-pthread 0.3.21+ds-4`.
    private static func openBLASPackage() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dpkg-query")
        process.arguments = ["-W", "-f", "${db:Status-Abbrev} ${Package} ${Version}\n", "libopenblas0-*"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let installed = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix("ii") }
            .map { $0.dropFirst(2).trimmingCharacters(in: .whitespaces) }
        return installed.isEmpty ? nil : installed.joined(separator: ", ")
    }
}
