import Foundation

extension BenchmarkReport {
    /// The human-readable report: machine, one row per case, growth exponents, efficiency, failures.
    var table: String {
        var lines: [String] = []
        lines.append("MetricLearn benchmarks: \(scale.rawValue) scale, up to \(policy.repeats) timed runs per case "
            + "(budget \(Self.format(seconds: policy.timeBudget))), "
            + (isolatedCases ? "each case in a fresh child process" : "all cases in one process (RSS is cumulative)"))
        lines.append(contentsOf: machineLines)
        lines.append("")
        lines.append(contentsOf: caseLines)
        if !growth.isEmpty {
            lines.append("")
            lines.append("Growth in n: least-squares slope b of log(median time) against log(n), time ∝ nᵇ")
            lines.append(contentsOf: Self.columns(
                header: ["series", "b", "R²", "n"],
                rows: growth.map { series in
                    [series.series, String(format: "%.2f", series.fit.exponent), String(format: "%.3f", series.fit.rSquared),
                     "\(series.sampleCounts.first!)…\(series.sampleCounts.last!) (\(series.sampleCounts.count) sizes)"]
                }))
        }
        if let peak = peakGigaflops, !efficiency.isEmpty {
            lines.append("")
            lines.append(String(format: "Floating-point rate (counted flops / median time) against the best dgemm run: %.1f GFLOP/s of wall time, ", peak)
                + (peakCPUGigaflops.map { String(format: "%.1f GFLOP/s of CPU time", $0) } ?? "CPU time unknown"))
            lines.append(contentsOf: Self.columns(
                header: ["case", "GFLOP/s", "of peak", "GFLOP/CPU-s", "of CPU peak"],
                rows: efficiency.map { row in
                    [row.name, String(format: "%.2f", row.gigaflops), String(format: "%.0f%%", 100 * row.fractionOfPeak),
                     row.cpuGigaflops.map { String(format: "%.2f", $0) } ?? "",
                     row.cpuFractionOfPeak.map { String(format: "%.0f%%", 100 * $0) } ?? ""]
                }))
        }
        if !failures.isEmpty {
            lines.append("")
            lines.append("Failed cases")
            lines.append(contentsOf: failures.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" })
        }
        return lines.joined(separator: "\n")
    }

    private var machineLines: [String] {
        let threads = machine.openBLASThreads.map { "OPENBLAS_NUM_THREADS=\($0)" }
            ?? "OPENBLAS_NUM_THREADS unset (OpenBLAS uses one thread per core)"
        var lines = [
            "Machine: \(machine.cpuModel), nproc \(machine.processorCount), "
                + String(format: "%.1f GiB", Double(machine.memoryBytes) / 1_073_741_824) + ", \(machine.operatingSystem)",
            "OpenBLAS: \(machine.openBLASPackage ?? "package unknown"), \(machine.openBLASCore) kernels; "
                + "\(threads); "
                + "load average at start \(machine.loadAverage ?? "unknown")",
        ]
        if let load = machine.loadAverage?.split(separator: " ").first.flatMap({ Double($0) }),
           load > Double(machine.processorCount) {
            lines.append("Warning: the machine was busy (1-minute load \(load) on \(machine.processorCount) processors): "
                + "timings are inflated and noisy, multi-threaded BLAS most of all.")
        }
        return lines
    }

    private var caseLines: [String] {
        Self.columns(
            header: ["case", "n", "d", "runs", "median", "min", "max", "IQR", "CPU", "GFLOP/s", "peak RSS", "notes"],
            rows: results.map { result in
                let s = result.seconds
                return [result.name, "\(result.sampleCount)", "\(result.featureCount)",
                        result.callsPerSample > 1 ? "\(s.count)×\(result.callsPerSample)" : "\(s.count)",
                        Self.format(seconds: s.median), Self.format(seconds: s.minimum), Self.format(seconds: s.maximum),
                        Self.format(seconds: s.interquartileRange),
                        result.medianCPUSeconds.map(Self.format(seconds:)) ?? "",
                        result.gigaflops.map { String(format: "%.2f", $0) } ?? "",
                        result.peakResidentBytes.map(Self.format(bytes:)) ?? "",
                        result.details.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.format(number: $0.value))" }
                            .joined(separator: " ")]
            })
    }

    /// Left-aligned first column, right-aligned numbers, two spaces between columns.
    static func columns(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column == row.count - 1 ? cell + padding : padding + cell
            }
            .joined(separator: "  ")
            .trimmingCharacters(in: .whitespaces)
        }
    }

    static func format(seconds: Double) -> String {
        switch seconds {
        case ..<1e-3: String(format: "%.1f µs", seconds * 1e6)
        case ..<1: String(format: "%.2f ms", seconds * 1e3)
        default: String(format: "%.2f s", seconds)
        }
    }

    static func format(bytes: Int) -> String {
        String(format: "%.0f MiB", Double(bytes) / 1_048_576)
    }

    static func format(number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(format: "%.4g", number)
    }
}
