import Foundation
@testable import MetricLearn
import Testing

@Suite struct TextValidationTests {
    private func scan(_ bytes: [UInt8]) -> (problem: Int?, lineBreaks: Int) {
        var (lineBreaks, quotes) = (0, 0)
        let problem = bytes.withUnsafeBufferPointer {
            TextValidation.scan($0, from: 0, to: $0.count, lineBreaks: &lineBreaks, quotes: &quotes).problem?.offset
        }
        return (problem, lineBreaks)
    }

    /// The word-at-a-time path finds a NUL byte or a bad sequence at every offset, and counts every line break.
    @Test func problemsAreFoundAtEveryOffset() {
        let text = Array("a,b\r\n1,2\n3,é\r4,5\n".utf8) + Array(repeating: UInt8(ascii: "7"), count: 13)
        #expect(scan(text).problem == nil && scan(text).lineBreaks == 5)
        for offset in text.indices where text[offset] < 0x80 {
            for bad: UInt8 in [0x00, 0xFF] {
                var broken = text
                broken[offset] = bad
                #expect(scan(broken).problem == offset, "byte \(bad) at \(offset)")
            }
        }
    }

    /// A chunked scan stops past a sequence that crosses the chunk's end and finds the same problems.
    @Test func aSequenceCrossingAChunkEndIsCheckedWhole() {
        let text = Array("12345678é9".utf8)
        var (lineBreaks, quotes) = (0, 0)
        let scan = text.withUnsafeBufferPointer {
            TextValidation.scan($0, from: 0, to: 9, lineBreaks: &lineBreaks, quotes: &quotes)
        }
        #expect(scan.problem == nil && scan.next == 10)
    }

    /// A large input is checked in two parts (cut at a character's start near the middle, here inside a run of
    /// two-byte characters): the same line breaks, quotes and first problem as one scan, and every byte handed back.
    @Test(arguments: [nil, 1_000, 3_000_000, 4_000_000])
    func aPartedCheckFindsWhatOneScanFinds(badOffset: Int?) {
        var text = Array(String(repeating: "1.5,\"a\",2\r\n", count: 400_000).utf8)
        text.replaceSubrange(2_199_991..<2_200_011, with: Array("éééééééééé".utf8))
        if let badOffset { text[badOffset] = 0xFF }
        var (lineBreaks, quotes) = (0, 0)
        let handedBack = HandedBack()
        let (summary, scan) = text.withUnsafeBufferPointer { buffer in
            (TextValidation.check(buffer, from: 0) { handedBack.add($0) },
             TextValidation.scan(buffer, from: 0, to: buffer.count, lineBreaks: &lineBreaks, quotes: &quotes))
        }
        #expect(text.count >= TextValidation.minimumPartedBytes)
        #expect(summary.problem?.offset == scan.problem?.offset && summary.problem?.offset == badOffset)
        if badOffset == nil {
            #expect(summary.lineBreaks == lineBreaks && summary.quotes == quotes && handedBack.count == text.count)
            #expect(summary.midpoint.offset > 2_199_990 && summary.midpoint.offset < 2_200_010)
            #expect(summary.midpoint.lineBreaks == text[..<summary.midpoint.offset].count { $0 == 10 || $0 == 13 })
        }
    }
}

/// The byte count handed back, from either thread.
private final class HandedBack: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0

    func add(_ range: Range<Int>) { lock.withLock { bytes += range.count } }
    var count: Int { lock.withLock { bytes } }
}
