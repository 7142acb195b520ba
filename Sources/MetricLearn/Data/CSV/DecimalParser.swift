/// Parses a decimal number, `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of
/// the point), straight from bytes, correctly rounded.
///
/// Words (`nan`, `inf`), hexadecimal floats and spaces are not numbers here. Most CSV numbers have
/// at most 19 significant digits and a small exponent: those take Clinger's fast path (an exact
/// integer times or divided by an exact power of ten is one correctly rounded operation) or, with 17 to 19
/// digits (`%.17g`), Eisel–Lemire's 128-bit multiply, where it declines an extended-precision form of Clinger's.
/// Others go through the standard library's correctly rounded conversion. Numbers too large for a `Double` give ±∞; the caller decides what to do with them.
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
        guard let base = bytes.baseAddress, start < end else { return nil }
        let plain = scanPlain(base, from: start, to: end)
        guard let decimal = plain?.end == end ? plain?.decimal : scan(base, from: start, to: end) else { return nil }
        return value(of: decimal, base, from: start, to: end)
    }

    /// The plain number (`[+-]digits[.digits]`, at most 19 digits, no exponent) at `start`, up to the first byte
    /// before `limit` that cannot continue it, and where it ends; nil when none starts there. When it ends where its
    /// cell does, it is what `parse` reads in the cell.
    @inline(__always)
    static func parsePlain(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int) -> (value: Double, end: Int)? {
        guard start < limit, let (decimal, end) = scanPlain(base, from: start, to: limit),
              let value = value(of: decimal, base, from: start, to: end) else { return nil }
        return (value, end)
    }

    /// The value of `decimal`, scanned from `base[start..<end]`: a fast path, else the standard library.
    @inline(__always)
    private static func value(of decimal: Decimal, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int)
        -> Double? {
        if !decimal.isTruncated, let value = fastValue(decimal.mantissa, decimal.exponent) {
            return decimal.isNegative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self))
    }

    /// `[+-]digits[.digits]` with at most 19 digits (not counting the fraction's leading zeros after a zero integer
    /// part) and no exponent — what CSV files mostly hold — read eight digits at a time up to the first byte that
    /// cannot continue it, and where it ends; nil when no such number starts at `start`. (`parse` takes it only
    /// when it ends at the cell's end, else `scan` reads the cell.)
    @inline(__always)
    private static func scanPlain(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int)
        -> (decimal: Decimal, end: Int)? {
        var decimal = Decimal()
        var cursor = start
        if base[cursor] == plus || base[cursor] == minus {
            decimal.isNegative = base[cursor] == minus
            cursor += 1
        }
        let integerStart = cursor
        cursor = readDigits(base, from: cursor, to: end, into: &decimal.mantissa)
        var (digitCount, leadingZeros) = (cursor - integerStart, 0)
        if cursor < end && base[cursor] == point {
            let fractionStart = cursor + 1
            var digitsStart = fractionStart
            if decimal.mantissa == 0 {    // 0.000123…: the zeros add nothing to the mantissa
                while digitsStart < end && base[digitsStart] == zero { digitsStart += 1 }
            }
            cursor = readDigits(base, from: digitsStart, to: end, into: &decimal.mantissa)
            decimal.exponent = fractionStart - cursor
            digitCount += cursor - digitsStart
            leadingZeros = digitsStart - fractionStart
        }
        guard digitCount + leadingZeros > 0, digitCount <= 19 else { return nil }
        return (decimal, cursor)
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

    /// `mantissa`·10^`exponent` correctly rounded by one of the fast paths, or nil when none applies.
    @inline(__always)
    private static func fastValue(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let value = Double(mantissa)
            return exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
        }
        if let value = eiselLemireValue(mantissa, exponent) { return value }
        #if arch(x86_64) || arch(i386)
        if exponent >= -27 && exponent <= 27 { return extendedValue(mantissa, exponent) }
        #endif
        return nil
    }

    /// `mantissa`·10^`exponent` (mantissa > 0) correctly rounded by Eisel and Lemire's method (D. Lemire, "Number
    /// parsing at a gigabyte per second", 2021, §5; as Go's `strconv` does it): the mantissa, shifted to fill 64 bits,
    /// times the 128-bit truncation of 10^exponent's significand. The product's top 54 bits give the double unless
    /// the truncation could have changed them (the low bits all ones: then a second 64-bit product decides) or the
    /// product lies on a midpoint: then nil, as for a subnormal or infinite result or |exponent| > 38, and the
    /// caller takes a slower exact path. (`%.17g`: most 17–19 digit numbers end here, one integer multiply.)
    @inline(__always)
    private static func eiselLemireValue(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        guard mantissa != 0, exponent >= -largestPowerOfTen, exponent <= largestPowerOfTen else { return nil }
        let power = significandsOfPowersOfTen[exponent + largestPowerOfTen]
        let zeros = mantissa.leadingZeroBitCount
        let normalized = mantissa << zeros
        // ⌊exponent·log₂10⌋ (exact for |exponent| ≤ 1650) plus the bias, for a product in [2⁶³, 2⁶⁴)·2⁶⁴.
        var binaryExponent = ((217_706 &* exponent) >> 16) &+ 64 &+ 1023 &- zeros
        var (high, low) = normalized.multipliedFullWidth(by: power.high)
        if high & 0x1FF == 0x1FF && low &+ normalized < normalized {
            let (extraHigh, extraLow) = normalized.multipliedFullWidth(by: power.low)
            let (mergedLow, carry) = low.addingReportingOverflow(extraHigh)
            let mergedHigh = carry ? high &+ 1 : high
            if mergedHigh & 0x1FF == 0x1FF && mergedLow == .max && extraLow &+ normalized < normalized { return nil }
            (high, low) = (mergedHigh, mergedLow)
        }
        let topBit = Int(high >> 63)
        var significand = high >> UInt64(topBit + 9)
        binaryExponent -= 1 ^ topBit
        if low == 0 && high & 0x1FF == 0 && significand & 3 == 1 { return nil }
        significand = (significand + (significand & 1)) >> 1
        if significand >> 53 > 0 {
            significand >>= 1
            binaryExponent += 1
        }
        guard binaryExponent > 0 && binaryExponent < 0x7FF else { return nil }
        return Double(bitPattern: UInt64(binaryExponent) << 52 | significand & 0x000F_FFFF_FFFF_FFFF)
    }

    /// The largest |exponent| of `significandsOfPowersOfTen`.
    static let largestPowerOfTen = 38

    /// For 10⁻³⁸ … 10³⁸: the first 128 bits of 10^q's binary expansion (from its leading one), truncated
    /// (`DecimalParserTests` recomputes them).
    static let significandsOfPowersOfTen: [(high: UInt64, low: UInt64)] = [
        (0xD9C7_DCED_53C7_2255, 0x96E7_BD35_8C90_4A21),  // 10^-38
        (0x881C_EA14_545C_7575, 0x7E50_D641_77DA_2E54),  // 10^-37
        (0xAA24_2499_6973_92D2, 0xDDE5_0BD1_D5D0_B9E9),  // 10^-36
        (0xD4AD_2DBF_C3D0_7787, 0x955E_4EC6_4B44_E864),  // 10^-35
        (0x84EC_3C97_DA62_4AB4, 0xBD5A_F13B_EF0B_113E),  // 10^-34
        (0xA627_4BBD_D0FA_DD61, 0xECB1_AD8A_EACD_D58E),  // 10^-33
        (0xCFB1_1EAD_4539_94BA, 0x67DE_18ED_A581_4AF2),  // 10^-32
        (0x81CE_B32C_4B43_FCF4, 0x80EA_CF94_8770_CED7),  // 10^-31
        (0xA242_5FF7_5E14_FC31, 0xA125_8379_A94D_028D),  // 10^-30
        (0xCAD2_F7F5_359A_3B3E, 0x096E_E458_13A0_4330),  // 10^-29
        (0xFD87_B5F2_8300_CA0D, 0x8BCA_9D6E_1888_53FC),  // 10^-28
        (0x9E74_D1B7_91E0_7E48, 0x775E_A264_CF55_347D),  // 10^-27
        (0xC612_0625_7658_9DDA, 0x9536_4AFE_032A_819D),  // 10^-26
        (0xF796_87AE_D3EE_C551, 0x3A83_DDBD_83F5_2204),  // 10^-25
        (0x9ABE_14CD_4475_3B52, 0xC492_6A96_7279_3542),  // 10^-24
        (0xC16D_9A00_9592_8A27, 0x75B7_053C_0F17_8293),  // 10^-23
        (0xF1C9_0080_BAF7_2CB1, 0x5324_C68B_12DD_6338),  // 10^-22
        (0x971D_A050_74DA_7BEE, 0xD3F6_FC16_EBCA_5E03),  // 10^-21
        (0xBCE5_0864_9211_1AEA, 0x88F4_BB1C_A6BC_F584),  // 10^-20
        (0xEC1E_4A7D_B695_61A5, 0x2B31_E9E3_D06C_32E5),  // 10^-19
        (0x9392_EE8E_921D_5D07, 0x3AFF_322E_6243_9FCF),  // 10^-18
        (0xB877_AA32_36A4_B449, 0x09BE_FEB9_FAD4_87C2),  // 10^-17
        (0xE695_94BE_C44D_E15B, 0x4C2E_BE68_7989_A9B3),  // 10^-16
        (0x901D_7CF7_3AB0_ACD9, 0x0F9D_3701_4BF6_0A10),  // 10^-15
        (0xB424_DC35_095C_D80F, 0x5384_84C1_9EF3_8C94),  // 10^-14
        (0xE12E_1342_4BB4_0E13, 0x2865_A5F2_06B0_6FB9),  // 10^-13
        (0x8CBC_CC09_6F50_88CB, 0xF93F_87B7_442E_45D3),  // 10^-12
        (0xAFEB_FF0B_CB24_AAFE, 0xF78F_69A5_1539_D748),  // 10^-11
        (0xDBE6_FECE_BDED_D5BE, 0xB573_440E_5A88_4D1B),  // 10^-10
        (0x8970_5F41_36B4_A597, 0x3168_0A88_F895_3030),  // 10^-9
        (0xABCC_7711_8461_CEFC, 0xFDC2_0D2B_36BA_7C3D),  // 10^-8
        (0xD6BF_94D5_E57A_42BC, 0x3D32_9076_0469_1B4C),  // 10^-7
        (0x8637_BD05_AF6C_69B5, 0xA63F_9A49_C2C1_B10F),  // 10^-6
        (0xA7C5_AC47_1B47_8423, 0x0FCF_80DC_3372_1D53),  // 10^-5
        (0xD1B7_1758_E219_652B, 0xD3C3_6113_404E_A4A8),  // 10^-4
        (0x8312_6E97_8D4F_DF3B, 0x645A_1CAC_0831_26E9),  // 10^-3
        (0xA3D7_0A3D_70A3_D70A, 0x3D70_A3D7_0A3D_70A3),  // 10^-2
        (0xCCCC_CCCC_CCCC_CCCC, 0xCCCC_CCCC_CCCC_CCCC),  // 10^-1
        (0x8000_0000_0000_0000, 0x0000_0000_0000_0000),  // 10^0
        (0xA000_0000_0000_0000, 0x0000_0000_0000_0000),  // 10^1
        (0xC800_0000_0000_0000, 0x0000_0000_0000_0000),  // 10^2
        (0xFA00_0000_0000_0000, 0x0000_0000_0000_0000),  // 10^3
        (0x9C40_0000_0000_0000, 0x0000_0000_0000_0000),  // 10^4
        (0xC350_0000_0000_0000, 0x0000_0000_0000_0000),  // 10^5
        (0xF424_0000_0000_0000, 0x0000_0000_0000_0000),  // 10^6
        (0x9896_8000_0000_0000, 0x0000_0000_0000_0000),  // 10^7
        (0xBEBC_2000_0000_0000, 0x0000_0000_0000_0000),  // 10^8
        (0xEE6B_2800_0000_0000, 0x0000_0000_0000_0000),  // 10^9
        (0x9502_F900_0000_0000, 0x0000_0000_0000_0000),  // 10^10
        (0xBA43_B740_0000_0000, 0x0000_0000_0000_0000),  // 10^11
        (0xE8D4_A510_0000_0000, 0x0000_0000_0000_0000),  // 10^12
        (0x9184_E72A_0000_0000, 0x0000_0000_0000_0000),  // 10^13
        (0xB5E6_20F4_8000_0000, 0x0000_0000_0000_0000),  // 10^14
        (0xE35F_A931_A000_0000, 0x0000_0000_0000_0000),  // 10^15
        (0x8E1B_C9BF_0400_0000, 0x0000_0000_0000_0000),  // 10^16
        (0xB1A2_BC2E_C500_0000, 0x0000_0000_0000_0000),  // 10^17
        (0xDE0B_6B3A_7640_0000, 0x0000_0000_0000_0000),  // 10^18
        (0x8AC7_2304_89E8_0000, 0x0000_0000_0000_0000),  // 10^19
        (0xAD78_EBC5_AC62_0000, 0x0000_0000_0000_0000),  // 10^20
        (0xD8D7_26B7_177A_8000, 0x0000_0000_0000_0000),  // 10^21
        (0x8786_7832_6EAC_9000, 0x0000_0000_0000_0000),  // 10^22
        (0xA968_163F_0A57_B400, 0x0000_0000_0000_0000),  // 10^23
        (0xD3C2_1BCE_CCED_A100, 0x0000_0000_0000_0000),  // 10^24
        (0x8459_5161_4014_84A0, 0x0000_0000_0000_0000),  // 10^25
        (0xA56F_A5B9_9019_A5C8, 0x0000_0000_0000_0000),  // 10^26
        (0xCECB_8F27_F420_0F3A, 0x0000_0000_0000_0000),  // 10^27
        (0x813F_3978_F894_0984, 0x4000_0000_0000_0000),  // 10^28
        (0xA18F_07D7_36B9_0BE5, 0x5000_0000_0000_0000),  // 10^29
        (0xC9F2_C9CD_0467_4EDE, 0xA400_0000_0000_0000),  // 10^30
        (0xFC6F_7C40_4581_2296, 0x4D00_0000_0000_0000),  // 10^31
        (0x9DC5_ADA8_2B70_B59D, 0xF020_0000_0000_0000),  // 10^32
        (0xC537_1912_364C_E305, 0x6C28_0000_0000_0000),  // 10^33
        (0xF684_DF56_C3E0_1BC6, 0xC732_0000_0000_0000),  // 10^34
        (0x9A13_0B96_3A6C_115C, 0x3C7F_4000_0000_0000),  // 10^35
        (0xC097_CE7B_C907_15B3, 0x4B9F_1000_0000_0000),  // 10^36
        (0xF0BD_C21A_BB48_DB20, 0x1E86_D400_0000_0000),  // 10^37
        (0x9676_9950_B50D_88F4, 0x1314_4480_0000_0000),  // 10^38
    ]

    #if arch(x86_64) || arch(i386)
    /// `mantissa` · 10^`exponent` correctly rounded, for the 17–19 digit numbers Eisel–Lemire declines:
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
