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

    /// Decimals exactly halfway between two doubles round to even: the extended path declines them.
    @Test func halfwayNumbersRoundToEven() {
        #expect(parse("9007199254740993") == 9_007_199_254_740_992)
        #expect(parse("9007199254740995") == 9_007_199_254_740_996)
        #expect(parse("900719925474099.3e1") == 9_007_199_254_740_992)
        #expect(parse("-9007199254740993") == -9_007_199_254_740_992)
    }
}
