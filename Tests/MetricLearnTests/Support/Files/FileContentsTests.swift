import Foundation
@testable import MetricLearn
import Testing

@Suite struct FileContentsTests {
    /// An endless binary stream is not read to the end: reading stops at the chunk holding the first NUL byte.
    @Test func readingStopsAtTheFirstNULByte() throws {
        let zeros = try FileContents.bytes(atPath: "/dev/zero")
        #expect(!zeros.isEmpty && zeros.count <= 1 << 24 && zeros.allSatisfy { $0 == 0 })
        #expect(throws: MetricLearnError.csv(line: 1, column: nil,
                                             reason: "not a text CSV file: it contains a NUL byte (binary data?)")) {
            try Dataset(csvFile: "/dev/zero")
        }
    }

    @Test func textIsReadWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("contents-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = String(repeating: "1,2,x\n", count: 100_000)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try FileContents.bytes(atPath: path) == Array(text.utf8))
    }
}
