import Foundation
import MetricLearn
import Testing

@Suite struct MetricLearnCommandTests {
    /// Without `OPENBLAS_CORETYPE`, a CPU OpenBLAS does not know (it reports its generic "Prescott" kernels) makes
    /// the command relaunch itself once with the kernels the CPU supports; elsewhere it runs as it started. Either
    /// way it does its work. OpenBLAS names its kernels on stderr under
    /// `OPENBLAS_VERBOSE=2` ("Core: …"), once per start.
    @Test func genericBLASKernelsAreReplacedByARelaunch() throws {
        try Workspace.with { workspace in
            let result = try CLI.run(["fit", "whitening", "--input", "iris.csv", "--output", "model.json"],
                                     in: workspace.directory, environment: ["OPENBLAS_VERBOSE": "2"],
                                     unsetting: ["OPENBLAS_CORETYPE"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(workspace.exists("model.json"))
            let cores = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Core: ") }
                .map { String($0.dropFirst("Core: ".count)) }
            guard let first = cores.first else { return }          // an OpenBLAS built for one CPU says nothing
            if let replacement = BLASKernels.replacement(forCore: first, cpuFlags: BLASKernels.cpuFlags(),
                                                         environment: [:]) {
                #expect(cores == [first, replacement])
            } else {
                #expect(cores == [first])
            }
        }
    }
}
