import Foundation
import _CLAPACK

/// Which kernels OpenBLAS runs, and the remedy when it picked slow ones for a CPU it does not know.
///
/// A `DYNAMIC_ARCH` OpenBLAS chooses its kernels once, when it is loaded, from the CPU's family and model. A CPU
/// newer than the library falls back to the generic SSE3 kernels ("Prescott"): Debian 12's OpenBLAS 0.3.21 does so
/// on Intel's Sapphire and Emerald Rapids, where every matrix product then runs 2–3× slower (LMNN on digits: 2.1 s
/// with Prescott's kernels, 0.82 s with SkylakeX's). The choice can only be changed before the library loads, by
/// `OPENBLAS_CORETYPE`, so the package's executables relaunch themselves with it (`relaunchIfKernelsAreGeneric`).
/// A library user who sees a generic `coreName` sets `OPENBLAS_CORETYPE` the same way.
package enum BLASKernels {
    /// The kernels OpenBLAS chose, as it names them (`openblas_get_corename`): "Haswell", "Zen", "SkylakeX",
    /// "Prescott", ….
    package static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Kernel families that use AVX2 and FMA; every other OpenBLAS core is older, or the generic fallback.
    private static let vectorCores: Set<String> = ["haswell", "zen", "skylakex", "cooperlake", "sapphirerapids",
                                                   "excavator"]

    /// The `OPENBLAS_CORETYPE` to ask for, or nil to keep OpenBLAS's choice: "SkylakeX" (AVX-512 F, CD, BW, DQ and
    /// VL) or "Haswell" (AVX2 and FMA) when `core` has no AVX2 kernels although the CPU's `flags` (as
    /// /proc/cpuinfo lists them) allow them. Nil whenever `OPENBLAS_CORETYPE` is already in `environment`: the
    /// user's choice, or a relaunch that already happened.
    package static func replacement(forCore core: String, cpuFlags flags: Set<String>,
                                    environment: [String: String]) -> String? {
        guard environment["OPENBLAS_CORETYPE"] == nil, !vectorCores.contains(core.lowercased()),
              flags.isSuperset(of: ["avx2", "fma"]) else { return nil }
        return flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) ? "SkylakeX" : "Haswell"
    }

    /// The CPU feature flags of the first processor in /proc/cpuinfo (empty where there is none).
    package static func cpuFlags(cpuinfo path: String = "/proc/cpuinfo") -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// For an executable's `main`, before any other work: when OpenBLAS chose generic kernels on a CPU that has
    /// faster ones (`replacement`), replaces the process with itself (same arguments, environment and open files)
    /// under `OPENBLAS_CORETYPE` set to them. Returns, changing nothing, when there is nothing to do or the relaunch
    /// fails. Never called by the library.
    package static func relaunchIfKernelsAreGeneric() {
        #if os(Linux)
        guard let core = replacement(forCore: coreName, cpuFlags: cpuFlags(),
                                     environment: ProcessInfo.processInfo.environment) else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")                    // only reached when execv failed
        #endif
    }
}
