import Foundation
@testable import MetricLearn
import Testing

@Suite struct DecimalParserTests {
    private func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { DecimalParser.parse($0, from: 0, to: $0.count) }
    }

    /// `%.17g` and `%.6f` numbers (the extended-precision path and Clinger's) and the shortest round-trip form
    /// parse to the bits of the standard library's correctly rounded conversion.
    @Test func printedNumbersAreCorrectlyRounded() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<20_000 {
            let exponent = Double(Int.random(in: -12...12, using: &generator))
            let value = Double.random(in: -1...1, using: &generator) * pow(10, exponent)
            for text in [value.description, String(format: "%.17g", value), String(format: "%.6f", value)] {
                #expect(parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
            }
        }
    }

    /// 17–19 significant digits with exponents across Eisel–Lemire's table (and past it), the digits written with and
    /// without a point and an exponent, parse to the standard library's bits.
    @Test func longMantissasAreCorrectlyRoundedAtEveryExponent() {
        var generator = SeededGenerator(seed: 18)
        for exponent in -45...45 {
            for _ in 0..<300 {
                let digits = Int.random(in: 17...19, using: &generator)
                let mantissa = UInt64.random(in: 1...(digits == 19 ? 9_999_999_999_999_999_999 : 99_999_999_999_999_999),
                                             using: &generator)
                let sign = Bool.random(using: &generator) ? "-" : ""
                let texts = ["\(sign)\(mantissa)e\(exponent)", String(format: "%.17g", Double("\(mantissa)e\(exponent)")!)]
                for text in texts {
                    #expect(parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
                }
            }
        }
    }

    /// Each entry of Eisel–Lemire's table is the truncation of 10^q's first 128 bits, recomputed exactly here.
    @Test func powerOfTenTableIsExact() {
        let largest = DecimalParser.largestPowerOfTen
        #expect(DecimalParser.significandsOfPowersOfTen.count == 2 * largest + 1)
        for (index, entry) in DecimalParser.significandsOfPowersOfTen.enumerated() {
            let q = index - largest
            var power: UInt128 = 1
            for _ in 0..<abs(q) { power *= 10 }
            var bits: UInt128 = 0
            if q >= 0 {
                bits = power << power.leadingZeroBitCount
            } else {    // the binary expansion of 1/10^|q| from its first one, by long division
                var (remainder, count) = (UInt128(1), 0)
                while count < 128 {
                    remainder <<= 1
                    let bit: UInt128 = remainder >= power ? 1 : 0
                    remainder -= bit * power
                    if bit == 1 || count > 0 { (bits, count) = (bits << 1 | bit, count + 1) }
                }
            }
            #expect(entry.high == UInt64(truncatingIfNeeded: bits >> 64) && entry.low == UInt64(truncatingIfNeeded: bits),
                    "10^\(q)")
        }
    }

    /// Decimals exactly halfway between two doubles round to even: the extended path declines them.
    @Test func halfwayNumbersRoundToEven() {
        #expect(parse("9007199254740993") == 9_007_199_254_740_992)
        #expect(parse("9007199254740995") == 9_007_199_254_740_996)
        #expect(parse("900719925474099.3e1") == 9_007_199_254_740_992)
        #expect(parse("-9007199254740993") == -9_007_199_254_740_992)
    }
}
