/// Parses a decimal number, `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of
/// the point), straight from bytes, correctly rounded.
///
/// Words (`nan`, `inf`), hexadecimal floats and spaces are not numbers here. Most CSV numbers have
/// at most 19 significant digits and a small exponent: those take Clinger's fast path (an exact
/// integer times or divided by an exact power of ten is one correctly rounded operation) or, with 17 to 19
/// digits (`%.17g`), its extended-precision form. Others go through the standard library's correctly rounded
/// conversion. Numbers too large for a `Double` give ±∞; the caller decides what to do with them.
enum DecimalParser {
    /// A scanned number: ±`mantissa`·10^`exponent`, exact unless `isTruncated` (digits beyond the 19th dropped).
    private struct Decimal {
        var mantissa: UInt64 = 0
        var exponent = 0
        var isNegative = false
        var isTruncated = false
    }

    /// The number in `bytes[start..<end]`, or `nil` if the bytes are not a decimal number.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        guard let base = bytes.baseAddress, start < end,
              let decimal = scanPlain(base, from: start, to: end) ?? scan(base, from: start, to: end) else { return nil }
        if !decimal.isTruncated, let value = fastValue(decimal.mantissa, decimal.exponent) {
            return decimal.isNegative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// `[+-]digits[.digits]` with at most 19 digits in all (leading zeros included) and no exponent — what CSV
    /// files mostly hold — read eight digits at a time; nil for anything else (which `scan` then reads).
    private static func scanPlain(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Decimal? {
        var decimal = Decimal()
        var cursor = start
        if base[cursor] == plus || base[cursor] == minus {
            decimal.isNegative = base[cursor] == minus
            cursor += 1
        }
        let integerStart = cursor
        cursor = readDigits(base, from: cursor, to: end, into: &decimal.mantissa)
        var digitCount = cursor - integerStart
        if cursor < end && base[cursor] == point {
            let fractionStart = cursor + 1
            cursor = readDigits(base, from: fractionStart, to: end, into: &decimal.mantissa)
            decimal.exponent = fractionStart - cursor
            digitCount += cursor - fractionStart
        }
        guard cursor == end, digitCount > 0, digitCount <= 19 else { return nil }
        return decimal
    }

    /// Appends the decimal digits from `start` to `mantissa` (wrapping: the caller refuses more than 19) and returns
    /// the offset of the first byte that is not a digit.
    @inline(__always)
    private static func readDigits(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int,
                                   into mantissa: inout UInt64) -> Int {
        var cursor = start
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
            // Every byte in "0"..."9": adding 0x46 sets no high bit and subtracting 0x30 borrows nowhere.
            guard ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080 == 0
            else { break }
            mantissa = mantissa &* 100_000_000 &+ eightDigits(word)
            cursor += 8
        }
        while cursor < end, base[cursor] &- zero < 10 {
            mantissa = mantissa &* 10 &+ UInt64(base[cursor] &- zero)
            cursor += 1
        }
        return cursor
    }

    /// The value of eight ASCII digits loaded little-endian (the first digit in the lowest byte).
    @inline(__always)
    private static func eightDigits(_ word: UInt64) -> UInt64 {
        var value = word &- 0x3030_3030_3030_3030
        value = value &* 10 &+ (value >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        value = ((value & mask) &* 0x000F_4240_0000_0064 &+ ((value >> 16) & mask) &* 0x0000_2710_0000_0001) >> 32
        return value & 0xFFFF_FFFF
    }

    /// The general form, any number of digits and an exponent; nil when the bytes are not a number.
    private static func scan(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Decimal? {
        var decimal = Decimal()
        var cursor = start
        if base[cursor] == plus || base[cursor] == minus {
            decimal.isNegative = base[cursor] == minus
            cursor += 1
        }
        var significantDigits = 0
        var digitCount = 0
        var seenPoint = false
        while cursor < end {
            let byte = base[cursor]
            if byte == point && !seenPoint {
                seenPoint = true
            } else if byte >= zero && byte <= nine {
                let digit = UInt64(byte &- zero)
                digitCount += 1
                if decimal.mantissa == 0 && digit == 0 {
                    if seenPoint { decimal.exponent -= 1 }
                } else if significantDigits < 19 {
                    decimal.mantissa = decimal.mantissa &* 10 &+ digit
                    significantDigits += 1
                    if seenPoint { decimal.exponent -= 1 }
                } else {
                    decimal.isTruncated = true
                    if !seenPoint { decimal.exponent += 1 }
                }
            } else {
                break
            }
            cursor += 1
        }
        guard digitCount > 0 else { return nil }
        if cursor < end && (base[cursor] == lowerE || base[cursor] == upperE) {
            cursor += 1
            var exponentIsNegative = false
            if cursor < end && (base[cursor] == plus || base[cursor] == minus) {
                exponentIsNegative = base[cursor] == minus
                cursor += 1
            }
            var written = 0
            var exponentDigits = 0
            while cursor < end, base[cursor] >= zero, base[cursor] <= nine {
                if written < 1_000_000 { written = written * 10 + Int(base[cursor] &- zero) }
                exponentDigits += 1
                cursor += 1
            }
            guard exponentDigits > 0 else { return nil }
            decimal.exponent += exponentIsNegative ? -written : written
        }
        guard cursor == end else { return nil }
        return decimal
    }

    /// `mantissa`·10^`exponent` correctly rounded by one of the fast paths, or nil when neither applies.
    @inline(__always)
    private static func fastValue(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let value = Double(mantissa)
            return exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
        }
        #if arch(x86_64) || arch(i386)
        if exponent >= -27 && exponent <= 27 { return extendedValue(mantissa, exponent) }
        #endif
        return nil
    }

    #if arch(x86_64) || arch(i386)
    /// `mantissa` · 10^`exponent` correctly rounded, for the 17–19 digit numbers Clinger's path leaves (`%.17g`):
    /// the mantissa (< 10¹⁹ < 2⁶⁴) and 10^|exponent| (|exponent| ≤ 27, 5²⁷ < 2⁶⁴) are exact in `Float80`, so the
    /// product or quotient is one rounding to 64 bits. Rounding that to 53 bits gives the correctly rounded
    /// `Double` unless the 64-bit result is exactly halfway between two doubles (a double rounding can only go
    /// wrong there): then nil, and the caller takes the standard library's conversion.
    private static func extendedValue(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        let scaled = exponent >= 0 ? Float80(mantissa) * extendedPowersOfTen[exponent]
            : Float80(mantissa) / extendedPowersOfTen[-exponent]
        guard scaled.significandBitPattern & 0x7FF != 0x400 else { return nil }
        return Double(scaled)
    }

    /// 10⁰ … 10²⁷, each exactly representable in `Float80`.
    private static let extendedPowersOfTen: [Float80] = (0...27).reduce(into: []) { powers, index in
        powers.append(index == 0 ? 1 : powers[index - 1] * 10)
    }
    #endif

    /// 10⁰ … 10²², each exactly representable.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static let plus = UInt8(ascii: "+")
    private static let minus = UInt8(ascii: "-")
    private static let point = UInt8(ascii: ".")
    private static let zero = UInt8(ascii: "0")
    private static let nine = UInt8(ascii: "9")
    private static let lowerE = UInt8(ascii: "e")
    private static let upperE = UInt8(ascii: "E")
}
