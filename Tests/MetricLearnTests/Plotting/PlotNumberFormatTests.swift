@testable import MetricLearn
import Testing

@Suite struct PlotNumberFormatTests {
    @Test(arguments: [
        (0.0, 2, true, "0"),
        (-0.0001, 2, true, "0"),
        (-0.0001, 1, false, "0.0"),
        (12.5, 2, true, "12.5"),
        (3, 2, true, "3"),
        (2, 1, false, "2.0"),
        (-2.25, 1, true, "-2.3"),  // 22.5 rounds away from zero
        (0.125, 3, true, "0.125"),
        (1234567.891, 2, true, "1234567.89"),
        (0.5, 0, true, "1"),
    ])
    func fixed(value: Double, decimals: Int, trimming: Bool, expected: String) {
        #expect(PlotNumberFormat.fixed(value, decimals: decimals, trimmingZeros: trimming) == expected)
    }

    @Test func nonFiniteAndHugeValues() {
        #expect(PlotNumberFormat.fixed(.nan, decimals: 2) == "0")
        #expect(PlotNumberFormat.fixed(1e20, decimals: 2) == "1e+20")
    }

    @Test func coordinatesUseTwoDecimals() {
        #expect(PlotNumberFormat.coordinate(86.6181818) == "86.62")
        #expect(PlotNumberFormat.coordinate(-3.999) == "-4")
    }
}
