import Foundation
@testable import MetricLearn
import Testing

@Suite("HNSWIndex files")
struct HNSWIndexFileTests {
    let features = embeddingLikePoints(count: 400, dimension: 6, subspace: 3, seed: 21)
    let metric = MahalanobisMetric(components: Matrix(rows: [[1, 0.5, 0, 0, 0, 0], [0, 1, 0, 0, 0.25, 0],
                                                            [0, 0, 2, 0, 0, 1]]),
                                   report: FitReport(learner: .whitening(Whitening())))

    private func makeDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hnsw-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    /// An index of `features` in `metric`'s space written to a fresh file; returns the index and the path.
    private func writtenIndex(in directory: String) throws -> (HNSWIndex, String) {
        let index = try HNSWIndex(points: try metric.transform(features),
                                  parameters: HNSWParameters(m: 8, efConstruction: 50, insertion: .sequential))
        let path = directory + "/train.hnsw"
        try index.write(toFile: path, metric: metric, trainingFeatures: features)
        return (index, path)
    }

    /// The `invalidData` value of reading the index at `path` (nil when it reads).
    private func readFailure(_ path: String, metric: MahalanobisMetric? = nil, features: Matrix? = nil) -> String? {
        do {
            _ = try HNSWIndex(contentsOfFile: path, metric: metric ?? self.metric, trainingFeatures: features ?? self.features)
            return nil
        } catch {
            guard case let .invalidData(what, value, _) = error, what == "index" else { return "other error: \(error)" }
            return value
        }
    }

    @Test("written and read back for the same metric and rows: the same graph and answers")
    func roundTrip() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (index, path) = try writtenIndex(in: directory)
        let read = try HNSWIndex(contentsOfFile: path, metric: metric, trainingFeatures: features)
        #expect(read == index)
        let queries = try metric.transform(features.rows(at: 0..<20))
        #expect(try read.neighbors(of: queries, count: 4) == index.neighbors(of: queries, count: 4))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let header = try #require(String(data: bytes.prefix(while: { $0 != 10 }), encoding: .utf8))
        #expect(header.hasPrefix("{\"componentsChecksum\":"))
        #expect(header.contains("\"format\":\"metric-learn HNSW index\""))
        #expect(header.contains("\"dimension\":3") && header.contains("\"inputDimension\":6"))
    }

    @Test("an index of another metric, other rows, or a truncated or damaged file is refused, naming the mismatch")
    func mismatches() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (_, path) = try writtenIndex(in: directory)
        var components = metric.components
        components[0, 0] = 1.0000001
        let otherMetric = MahalanobisMetric(components: components, report: metric.report)
        #expect(readFailure(path, metric: otherMetric)?.hasPrefix("built for another metric") == true)
        let narrower = MahalanobisMetric(components: metric.components.rows(at: 0..<2), report: metric.report)
        #expect(readFailure(path, metric: narrower) == "built for a metric from 6 to 3 dimensions")
        #expect(readFailure(path, features: features.rows(at: 0..<399)) == "built on 400 training rows")
        var moved = features
        moved[17, 2] += 1e-9
        #expect(readFailure(path, features: moved)?.hasPrefix("built on other training rows") == true)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncatedPath = directory + "/truncated.hnsw"
        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: truncatedPath))
        #expect(readFailure(truncatedPath)?.hasPrefix("truncated (") == true)
        try bytes.prefix(30).write(to: URL(fileURLWithPath: truncatedPath))
        #expect(readFailure(truncatedPath) == "not an index file")
        var damaged = bytes
        damaged[damaged.count - 5] ^= 0x40
        try damaged.write(to: URL(fileURLWithPath: truncatedPath))
        #expect(readFailure(truncatedPath)?.hasPrefix("damaged") == true)
        try Data("{\"format\":\"metric-learn HNSW index\",\"formatVersion\":2}\n".utf8)
            .write(to: URL(fileURLWithPath: truncatedPath))
        #expect(readFailure(truncatedPath) == "format version 2")
        #expect(throws: MetricLearnError.self) {
            try HNSWIndex(contentsOfFile: directory + "/missing.hnsw", metric: metric, trainingFeatures: features)
        }
    }

    @Test("a graph altered behind a correct checksum is refused by the graph's own checks, or searches safely")
    func alteredGraphsNeverCrash() throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (_, path) = try writtenIndex(in: directory)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let newline = try #require(bytes.firstIndex(of: 10))
        let headerObject = try JSONSerialization.jsonObject(with: Data(bytes[..<newline]))
        var header = try #require(headerObject as? [String: Any])
        let graph = Array(bytes[(newline + 1)...])
        let queries = try metric.transform(features.rows(at: 0..<5))
        var generator = SeededGenerator(seed: 99)
        var refused = 0, accepted = 0
        for trial in 0..<300 {
            var altered = graph
            // Mostly the header and link lists (the first bytes of each element), sometimes anywhere.
            let position = trial % 3 == 0 ? generator.nextIndex(below: 96) : generator.nextIndex(below: altered.count)
            altered[position] ^= UInt8(1 << generator.nextIndex(below: 8))
            if trial % 5 == 0 { altered.removeLast(generator.nextIndex(below: 64) + 1) }
            header["graphBytes"] = altered.count
            header["graphChecksum"] = Checksum(altered).description
            var file = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
            file.append(10)
            file.append(contentsOf: altered)
            let alteredPath = directory + "/altered.hnsw"
            try file.write(to: URL(fileURLWithPath: alteredPath))
            do {
                let index = try HNSWIndex(contentsOfFile: alteredPath, metric: metric, trainingFeatures: features)
                _ = try index.neighbors(of: queries, count: 5)
                accepted += 1
            } catch {
                guard case let .invalidData(what, _, _) = error, what == "index" else { throw error }
                refused += 1
            }
        }
        #expect(refused > 100 && refused + accepted == 300)
    }
}
