import ArgumentParser
import Foundation
import MetricLearn

/// `metric-learn-ann-bench`: our HNSW index against our exact search on seeded data, for `make bench-ann`
/// (Benchmarks/peers/ann_peers.py runs it, then hnswlib's Python binding and faiss on the same files).
@main
struct ANNBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric-learn-ann-bench",
        abstract: "Time HNSWIndex (build, search at several efSearch) and exact k-NN search on seeded data.",
        discussion: "Prints one JSON object; with --output-dir also writes points.npy, queries.npy and truth.npy."
    )

    @Option(help: "embedding or noise.")
    var data = "embedding"
    @Option(help: "Indexed rows.")
    var rows = 1_000_000
    @Option(help: "Dimensions.")
    var dimension = 50
    @Option(help: "Queries.")
    var queries = 10_000
    @Option(help: "k.")
    var neighbors = 10
    @Option(help: "M.")
    var m = 16
    @Option(help: "efConstruction.")
    var efConstruction = 200
    @Option(help: "efSearch values, comma-separated.")
    var efSearch = "10,16,24,32,48,64,96,128,192,256"
    @Option(help: "Timed searches per efSearch (the fastest counts).")
    var repeats = 3
    @Option(help: "Seed of the data.")
    var seed: UInt64 = 0
    @Option(help: "Directory for points.npy, queries.npy (float64) and truth.npy (exact neighbour indices).")
    var outputDir: String?
    @Option(help: "Write recall against queries per second (this run's curve and exact search) as an SVG here.")
    var figure: String?
    @Option(help: "Only plot: read a report this command printed (its curve and exact speed) and write --figure.")
    var plotReport: String?

    /// Relaunches with OpenBLAS's fast kernels when it chose generic ones (`BLASKernels`), then runs.
    static func main() {
        BLASKernels.relaunchIfKernelsAreGeneric()
        main(nil)
    }

    func run() throws {
        if let plotReport {
            guard let figure else { throw ValidationError("--plot-report needs --figure") }
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plotReport)))
            guard let report = report as? [String: Any], let curve = report["curve"] as? [[String: Double]],
                  let exact = report["exactQueriesPerSecond"] as? Double else {
                throw ValidationError("\(plotReport) is not a report of this command")
            }
            return try Self.plot(curve, exactQueriesPerSecond: exact, to: figure)
        }
        guard let kind = ANNData(rawValue: data) else { throw ValidationError("--data must be embedding or noise") }
        let efValues = efSearch.split(separator: ",").compactMap { Int($0) }
        let (points, queryRows) = kind.make(rows: rows, queries: queries, dimension: dimension, seed: seed)
        let clock = ContinuousClock()

        let residentBefore = Self.residentBytes()
        var start = clock.now
        let index = try HNSWIndex(points: points, parameters: HNSWParameters(m: m, efConstruction: efConstruction))
        let buildSeconds = (clock.now - start).seconds
        let residentAfter = Self.residentBytes()

        let exactIndex = try NearestNeighborIndex(points: points)
        start = clock.now
        let truth = try exactIndex.neighbors(of: queryRows, count: neighbors)
        let exactSeconds = (clock.now - start).seconds

        var curve: [[String: Double]] = []
        for ef in efValues {
            var best = Double.infinity
            var found: NeighborSearchResult?
            for _ in 0..<max(1, repeats) {
                start = clock.now
                found = try index.neighbors(of: queryRows, count: neighbors, efSearch: ef)
                best = min(best, (clock.now - start).seconds)
            }
            guard let found else { continue }
            var hits = 0
            for q in 0..<queries { hits += Set(found.indices(ofQuery: q)).intersection(truth.indices(ofQuery: q)).count }
            curve.append(["efSearch": Double(ef), "recall": Double(hits) / Double(queries * neighbors),
                          "queriesPerSecond": Double(queries) / best])
        }

        if let outputDir {
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            try points.npyData().write(to: URL(fileURLWithPath: outputDir + "/points.npy"))
            try queryRows.npyData().write(to: URL(fileURLWithPath: outputDir + "/queries.npy"))
            let truthMatrix = Matrix(rowCount: queries, columnCount: neighbors, elements: truth.indices.map(Double.init))
            try truthMatrix.npyData().write(to: URL(fileURLWithPath: outputDir + "/truth.npy"))
        }
        if let figure { try Self.plot(curve, exactQueriesPerSecond: Double(queries) / exactSeconds, to: figure) }
        // Vectors and links as the target counts them: 4 bytes a coordinate, bottom-layer lists of 2M + 1 words and
        // upper-layer lists of M + 1 words for the expected 1/(M − 1) of rows above the bottom.
        let vectorsAndLinks = Double(rows) * (4 * Double(dimension) + 4 * Double(2 * m + 1))
            + Double(rows) / Double(m - 1) * 4 * Double(m + 1)
        let report: [String: Any] = [
            "data": data, "rows": rows, "dimension": dimension, "queries": queries, "neighbors": neighbors,
            "m": m, "efConstruction": efConstruction, "processors": ProcessInfo.processInfo.activeProcessorCount,
            "buildSeconds": buildSeconds, "indexMemoryBytes": index.memoryBytes,
            "residentGrowthBytes": residentAfter - residentBefore, "vectorsAndLinksBytes": vectorsAndLinks,
            "exactSeconds": exactSeconds, "exactQueriesPerSecond": Double(queries) / exactSeconds, "curve": curve,
        ]
        let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        FileHandle.standardOutput.write(json + Data("\n".utf8))
    }

    /// Recall@k (x) against queries per second (y, logarithmic) of the HNSW curve, with exact search as a line.
    private static func plot(_ curve: [[String: Double]], exactQueriesPerSecond: Double, to path: String) throws {
        let recall = curve.compactMap { $0["recall"] }, speed = curve.compactMap { $0["queriesPerSecond"] }
        let efValues = curve.compactMap { $0["efSearch"] }.map { Int($0) }
        let chart = try LineChart(
            series: [LineChart.Series(name: "HNSW, efSearch \(efValues.min() ?? 0)–\(efValues.max() ?? 0)", x: recall,
                                      y: speed),
                     LineChart.Series(name: "exact search", x: [recall.min() ?? 0, 1],
                                      y: [exactQueriesPerSecond, exactQueriesPerSecond])],
            title: "Recall@10 against queries per second", xLabel: "recall@10", yLabel: "queries per second",
            yScale: .logarithmic)
        try chart.write(toFile: path)
    }

    /// The resident set size now (`/proc/self/statm`), or 0 where it cannot be read.
    private static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
