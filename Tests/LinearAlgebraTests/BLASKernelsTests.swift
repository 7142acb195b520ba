import Foundation
import LinearAlgebra
import Testing

@Suite struct BLASKernelsTests {
    static let avx2: Set<String> = ["sse4_2", "avx", "avx2", "fma"]
    static let avx512 = avx2.union(["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])

    /// Debian 12's OpenBLAS on an Emerald Rapids Xeon (family 6, model 207) reports "Prescott".
    @Test func genericKernelsOnAVX512AreReplacedBySkylakeX() {
        #expect(BLASKernels.replacement(forCore: "Prescott", cpuFlags: Self.avx512, environment: [:]) == "SkylakeX")
        #expect(BLASKernels.replacement(forCore: "Nehalem", cpuFlags: Self.avx512, environment: [:]) == "SkylakeX")
    }

    @Test func genericKernelsOnAVX2AreReplacedByHaswell() {
        #expect(BLASKernels.replacement(forCore: "Prescott", cpuFlags: Self.avx2, environment: [:]) == "Haswell")
        // AVX-512 without the BW/DQ/VL extensions SkylakeX's kernels use (Knights Landing) is AVX2 to them.
        let knightsLanding = Self.avx2.union(["avx512f", "avx512cd", "avx512er", "avx512pf"])
        #expect(BLASKernels.replacement(forCore: "Prescott", cpuFlags: knightsLanding, environment: [:]) == "Haswell")
    }

    @Test func aRecognisedCPUKeepsOpenBLASsChoice() {
        for core in ["Haswell", "Zen", "SkylakeX", "Cooperlake", "SapphireRapids", "HASWELL", "zen"] {
            #expect(BLASKernels.replacement(forCore: core, cpuFlags: Self.avx512, environment: [:]) == nil, "\(core)")
        }
    }

    /// A CPU without AVX2 (or an ARM machine, whose flags name none of these) runs what OpenBLAS chose.
    @Test func aCPUWithoutAVX2KeepsOpenBLASsChoice() {
        #expect(BLASKernels.replacement(forCore: "Sandybridge", cpuFlags: ["sse4_2", "avx"], environment: [:]) == nil)
        #expect(BLASKernels.replacement(forCore: "Prescott", cpuFlags: [], environment: [:]) == nil)
        #expect(BLASKernels.replacement(forCore: "NEOVERSEN1", cpuFlags: ["fp", "asimd"], environment: [:]) == nil)
    }

    /// `OPENBLAS_CORETYPE` in the environment is the user's choice, or the relaunch already happened: never again.
    @Test func aSetCoreTypeIsNeverOverridden() {
        for value in ["Prescott", "Haswell", ""] {
            #expect(BLASKernels.replacement(forCore: "Prescott", cpuFlags: Self.avx512,
                                            environment: ["OPENBLAS_CORETYPE": value]) == nil)
        }
    }

    @Test func cpuFlagsAreTheFirstProcessorsFlagsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blas-kernels-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cpuinfo").path
        try """
            processor\t: 0
            model name\t: Intel(R) Xeon(R) Processor
            flags\t\t: fpu avx2 fma avx512f
            
            processor\t: 1
            flags\t\t: fpu sse2
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(BLASKernels.cpuFlags(cpuinfo: path) == ["fpu", "avx2", "fma", "avx512f"])
        #expect(BLASKernels.cpuFlags(cpuinfo: directory.appendingPathComponent("missing").path).isEmpty)
    }

    @Test func theLoadedLibraryNamesItsKernels() {
        #expect(!BLASKernels.coreName.isEmpty)
    }
}
