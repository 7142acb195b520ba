/// Tells text from binary data: a CSV file must be UTF-8 without NUL bytes.
enum TextValidation {
    /// The offset of the first NUL byte or invalid UTF-8 sequence in `bytes[start...]`, with what
    /// is wrong there, or `nil` for valid text.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (offset: Int, reason: String)? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead >= 0x01 && lead < 0x80 {
                index += 1
                continue
            }
            if lead == 0 { return (index, "it contains a NUL byte (binary data?)") }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return (index, "it contains bytes that are not valid UTF-8") }
            index += length
        }
        return nil
    }

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
