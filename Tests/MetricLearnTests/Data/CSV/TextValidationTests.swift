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
}
