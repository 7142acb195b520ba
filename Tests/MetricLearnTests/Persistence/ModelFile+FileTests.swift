import Foundation
import MetricLearn
import Testing

@Suite struct ModelFileFileTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("modelfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writeThenReadGivesTheSameDocument() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let metric = try Whitening(mode: .total, shrinkage: .none).fit(Matrix(rows: [[0, 0], [2, 0], [0, 2], [2, 3]]))
        let path = directory.appendingPathComponent("m.json").path
        try ModelFile(metric: metric).write(toFile: path)
        let read = try ModelFile(contentsOfFile: path)
        #expect(read == ModelFile(metric: metric))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == ModelFile(metric: metric).jsonData())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["m.json"])
    }

    @Test func missingFileIsAFileError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("absent.json").path
        #expect(throws: MetricLearnError.file(path: path, reason: "no such file")) {
            try ModelFile(contentsOfFile: path)
        }
    }

    @Test func invalidContentIsAModelFileError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.json").path
        try Data("{\"formatVersion\": 4}".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ModelFile(contentsOfFile: path)
            Issue.record("a future format version was read")
        } catch {
            guard case let .modelFile(reason) = error else { throw error }
            #expect(reason.hasPrefix("'formatVersion': 4 is newer than this version of MetricLearn"))
        }
    }
}
