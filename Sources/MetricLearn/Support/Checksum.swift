/// A 64-bit hash in the manner of FNV-1a over 8-byte little-endian words (Fowler–Noll–Vo's xor and multiply, word
/// by word rather than byte by byte so that hundreds of megabytes hash in a fraction of a second, with a rotation
/// that carries high bits down). Each step is a bijection of the state, so files that differ in one word always
/// differ in checksum. It tells whether an index file belongs to a metric and
/// its training rows and whether the file was damaged; it is not a defence against a crafted file, which the
/// graph's own checks catch.
struct Checksum: Hashable, CustomStringConvertible {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The checksum of nothing.
    init() {}

    /// The checksum of `bytes`: whole words, then the remaining bytes one by one, then the length.
    init(bytes: UnsafeRawBufferPointer) {
        let wordCount = bytes.count / 8
        for i in 0..<wordCount { add(bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self).littleEndian) }
        for i in wordCount * 8 ..< bytes.count { add(UInt64(bytes[i])) }
        add(UInt64(bytes.count))
    }

    /// The checksum of the bit patterns of `values`.
    init(_ values: [Double]) {
        self = values.withUnsafeBytes { Checksum(bytes: $0) }
    }

    /// The checksum of `bytes`.
    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Checksum(bytes: $0) }
    }

    private mutating func add(_ word: UInt64) {
        let mixed = (value ^ word) &* 0x0000_0100_0000_01B3
        value = mixed << 27 | mixed >> 37
    }

    /// Sixteen hexadecimal digits.
    var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
