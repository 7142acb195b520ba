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
            if index + 8 <= end {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & highBits == 0 && CSVByte.zeroBytes(word) == 0 {
                    let breaks = CSVByte.zeroBytes(word ^ lineFeeds) | CSVByte.zeroBytes(word ^ carriageReturns)
                    lineBreaks += breaks.nonzeroBitCount
                    quotes += CSVByte.zeroBytes(word ^ quoteBytes).nonzeroBitCount
                    index += 8
                    continue
                }
            }
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
