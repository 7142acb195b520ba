import LinearAlgebra

/// Tells text from binary data: a CSV file must be UTF-8 without NUL bytes.
enum TextValidation {
    /// The offset of the first NUL byte or invalid UTF-8 sequence in `bytes[start...]`, with what
    /// is wrong there, or `nil` for valid text.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (offset: Int, reason: String)? {
        var (lineBreaks, quotes) = (0, 0)
        return scan(bytes, from: start, to: bytes.count, lineBreaks: &lineBreaks, quotes: &quotes).problem
    }

    /// Checks `bytes[start..<end]` as `firstProblem` does (a sequence that starts before `end` is checked whole),
    /// adding its line feeds and carriage returns to `lineBreaks` and its quote characters to `quotes`. Returns the
    /// first problem, or nil and the offset where the next scan starts (`end`, or past a sequence that crosses it).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, lineBreaks: inout Int,
                     quotes: inout Int) -> (problem: (offset: Int, reason: String)?, next: Int) {
        var index = start
        while index < end {
            while end - index >= 16 {    // sixteen bytes at a time while they are ASCII without NUL
                let first = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let second = UnsafeRawPointer(bytes.baseAddress! + index + 8).loadUnaligned(as: UInt64.self)
                guard (first | ~(first &+ lowBits) | second | ~(second &+ lowBits)) & highBits == 0 else { break }
                lineBreaks += (asciiZeroBytes(first ^ lineFeeds) | asciiZeroBytes(first ^ carriageReturns)).nonzeroBitCount
                    + (asciiZeroBytes(second ^ lineFeeds) | asciiZeroBytes(second ^ carriageReturns)).nonzeroBitCount
                let firstQuotes = asciiZeroBytes(first ^ quoteBytes), secondQuotes = asciiZeroBytes(second ^ quoteBytes)
                if firstQuotes | secondQuotes != 0 {
                    quotes += firstQuotes.nonzeroBitCount + secondQuotes.nonzeroBitCount
                }
                index += 16
            }
            guard index < end else { break }
            let lead = bytes[index]
            if lead >= 0x01 && lead < 0x80 {
                if lead == CSVByte.lineFeed || lead == CSVByte.carriageReturn { lineBreaks += 1 }
                if lead == CSVByte.quote { quotes += 1 }
                index += 1
                continue
            }
            if lead == 0 { return ((index, "it contains a NUL byte (binary data?)"), index) }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return ((index, "it contains bytes that are not valid UTF-8"), index) }
            index += length
        }
        return (nil, index)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each zero byte of `word`, whose bytes are all below 0x80 (no carry from adding 0x7F).
    @inline(__always)
    private static func asciiZeroBytes(_ word: UInt64) -> UInt64 { ~(word &+ lowBits) & highBits }
    private static let lineFeeds = CSVByte.word(CSVByte.lineFeed)
    private static let carriageReturns = CSVByte.word(CSVByte.carriageReturn)
    private static let quoteBytes = CSVByte.word(CSVByte.quote)


    /// The length of the valid UTF-8 sequence starting with a non-ASCII byte at `index`, or 0.
    /// (Unicode §3.9, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF.)
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}

extension TextValidation {
    /// What checking a whole input found (`check`).
    struct Summary {
        /// The line feeds and carriage returns before the first problem (all of them when there is none).
        var lineBreaks = 0
        /// The quote characters, counted the same way.
        var quotes = 0
        /// The first NUL byte or invalid UTF-8 sequence, and what is wrong there.
        var problem: (offset: Int, reason: String)?
        /// An offset near the middle where a scan started (a character's start), and the line breaks before it.
        var midpoint: (offset: Int, lineBreaks: Int)
    }

    /// The bytes checked before handing them back.
    static let chunk = 1 << 20
    /// The smallest input checked in two parts (on two threads when the process has two cores).
    static let minimumPartedBytes = 1 << 22

    /// Checks `bytes[start...]` as `scan` does, chunk by chunk, handing back each chunk checked (`handBack` may be
    /// called from two threads at once, on separate ranges). Large input is checked in two parts at once, cut at a
    /// character's start near the middle (no sequence crosses it): the first part's problem comes first, so the
    /// summary is one scan's, with the cut as the midpoint.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                      handingBack handBack: (Range<Int>) -> Void) -> Summary {
        let middle = start + (bytes.count - start) / 2
        guard bytes.count - start >= minimumPartedBytes,
              let cut = (middle..<middle + 4).first(where: { bytes[$0] & 0xC0 != 0x80 }) else {
            return check(bytes, start..<bytes.count, middle: middle, handingBack: handBack)
        }
        return withoutActuallyEscaping(handBack) { handBack in
            let parts = Parts(bytes, cut: cut, start: start, handBack: handBack)
            Parallel.forEach(jobs: 2, work: .max) { job, _ in parts.check(job) }
            let (first, second) = (parts.first, parts.second)
            return Summary(lineBreaks: first.lineBreaks + second.lineBreaks, quotes: first.quotes + second.quotes,
                           problem: first.problem ?? second.problem, midpoint: (cut, first.lineBreaks))
        }
    }

    /// Checks `bytes[range]` (from a character's start), chunk by chunk; the midpoint is the last chunk start at or
    /// before `middle`.
    fileprivate static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, middle: Int,
                                  handingBack handBack: (Range<Int>) -> Void) -> Summary {
        var summary = Summary(midpoint: (range.lowerBound, 0))
        var index = range.lowerBound
        while index < range.upperBound {
            if index <= middle { summary.midpoint = (index, summary.lineBreaks) }
            let scan = scan(bytes, from: index, to: min(index + chunk, range.upperBound),
                            lineBreaks: &summary.lineBreaks, quotes: &summary.quotes)
            if let problem = scan.problem {
                summary.problem = problem
                break
            }
            handBack(index..<scan.next)
            index = scan.next
        }
        return summary
    }
}

/// The two parts of a parted text check and their summaries, shared by their threads (each writes only its own).
private final class Parts: @unchecked Sendable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ranges: [Range<Int>]
    private let handBack: (Range<Int>) -> Void
    private var summaries: [TextValidation.Summary?] = [nil, nil]

    init(_ bytes: UnsafeBufferPointer<UInt8>, cut: Int, start: Int, handBack: @escaping (Range<Int>) -> Void) {
        (self.bytes, self.handBack) = (bytes, handBack)
        ranges = [start..<cut, cut..<bytes.count]
    }

    /// Checks part `job` (0 or 1).
    func check(_ job: Int) {
        summaries[job] = TextValidation.check(bytes, ranges[job], middle: ranges[job].lowerBound,
                                              handingBack: handBack)
    }

    var first: TextValidation.Summary { summaries[0]! }
    var second: TextValidation.Summary { summaries[1]! }
}
