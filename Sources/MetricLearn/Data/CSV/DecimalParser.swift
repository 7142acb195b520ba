/// Parses a decimal number, `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of
/// the point), straight from bytes, correctly rounded.
///
/// Words (`nan`, `inf`), hexadecimal floats and spaces are not numbers here. Most CSV numbers have
/// at most 19 significant digits and a small exponent: those take Clinger's fast path (an exact
/// integer times or divided by an exact power of ten is one correctly rounded operation). Others
/// go through the standard library's correctly rounded conversion. Numbers too large for a
/// `Double` give ±∞; the caller decides what to do with them.
enum DecimalParser {
    /// The number in `bytes[start..<end]`, or `nil` if the bytes are not a decimal number.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        var cursor = start
        var isNegative = false
        if cursor < end && (bytes[cursor] == plus || bytes[cursor] == minus) {
            isNegative = bytes[cursor] == minus
            cursor += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var digitCount = 0
        var isTruncated = false
        var seenPoint = false
        while cursor < end {
            let byte = bytes[cursor]
            if byte == point && !seenPoint {
                seenPoint = true
            } else if byte >= zero && byte <= nine {
                let digit = UInt64(byte &- zero)
                digitCount += 1
                if mantissa == 0 && digit == 0 {
                    if seenPoint { exponent -= 1 }
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ digit
                    significantDigits += 1
                    if seenPoint { exponent -= 1 }
                } else {
                    isTruncated = true
                    if !seenPoint { exponent += 1 }
                }
            } else {
                break
            }
            cursor += 1
        }
        guard digitCount > 0 else { return nil }
        if cursor < end && (bytes[cursor] == lowerE || bytes[cursor] == upperE) {
            cursor += 1
            var exponentIsNegative = false
            if cursor < end && (bytes[cursor] == plus || bytes[cursor] == minus) {
                exponentIsNegative = bytes[cursor] == minus
                cursor += 1
            }
            var written = 0
            var exponentDigits = 0
            while cursor < end, bytes[cursor] >= zero, bytes[cursor] <= nine {
                if written < 1_000_000 { written = written * 10 + Int(bytes[cursor] &- zero) }
                exponentDigits += 1
                cursor += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentIsNegative ? -written : written
        }
        guard cursor == end else { return nil }

        if !isTruncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent >= 0 { value *= powersOfTen[exponent] } else { value /= powersOfTen[-exponent] }
            return isNegative ? -value : value
        }
        #if arch(x86_64) || arch(i386)
        if !isTruncated && exponent >= -27 && exponent <= 27, let value = extendedValue(mantissa, exponent) {
            return isNegative ? -value : value
        }
        #endif
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
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
