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

    /// A mapped file gives its bytes, and still gives them after they are handed back (read again from the file);
    /// a device is read whole.
    @Test func mappedBytesSurviveBeingHandedBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Array(String(repeating: "1.5,2,x\n", count: 100_000).utf8)
        try Data(text).write(to: URL(fileURLWithPath: path))
        let (first, again) = try FileContents.withBytes(atPath: path) { (buffer, handBack) throws(MetricLearnError) in
            let first = Array(buffer)
            handBack(0..<buffer.count)
            return (first, Array(buffer))
        }
        #expect(first == text && again == text)
        let zeros = try FileContents.withBytes(atPath: "/dev/zero") { (buffer, _) throws(MetricLearnError) in buffer.count }
        #expect(zeros > 0 && zeros <= 1 << 24)
    }
}
