@testable import MetricLearn
import Testing

@Suite struct PlotAxisTests {
    @Test func linearWithoutPaddingEndsOnTicks() {
        // Range 10 over ~5 intervals: step 2.
        let axis = PlotAxis.linear(minimum: 0.3, maximum: 9.1)
        #expect(axis.ticks == [0, 2, 4, 6, 8, 10])
        #expect(axis.labels == ["0", "2", "4", "6", "8", "10"])
        #expect(axis.lower == 0 && axis.upper == 10)
    }

    @Test func linearWithPaddingKeepsTicksInside() {
        // [0, 1] padded by 5 % is [-0.05, 1.05]; rough step 0.22 rounds to 0.2.
        let axis = PlotAxis.linear(minimum: 0, maximum: 1, padding: 0.05)
        #expect(abs(axis.lower + 0.05) < 1e-12 && abs(axis.upper - 1.05) < 1e-12)
        #expect(axis.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(axis.ticks.allSatisfy { $0 >= axis.lower && $0 <= axis.upper })
    }

    @Test func negativeAndFractionalSteps() {
        let axis = PlotAxis.linear(minimum: -0.031, maximum: 0.012)
        #expect(axis.labels == ["-0.04", "-0.03", "-0.02", "-0.01", "0.00", "0.01", "0.02"])
    }

    @Test func constantDataStillGetsAnAxis() {
        let axis = PlotAxis.linear(minimum: 3, maximum: 3)
        #expect(axis.lower < 3 && axis.upper > 3)
        #expect(axis.ticks.count >= 2)
    }

    @Test func logarithmicTicksArePowersOfTen() {
        let axis = PlotAxis.logarithmic(minimum: 0.3, maximum: 100)
        #expect(axis.ticks == [0, 1, 2])
        #expect(axis.labels == ["1", "10", "100"])
        #expect(axis.lower < -0.5229 && axis.upper > 2)
    }

    @Test func logarithmicAxisWidensToTwoPowers() {
        // 2…8 holds no power of ten: the axis becomes 10⁰…10¹.
        let axis = PlotAxis.logarithmic(minimum: 2, maximum: 8)
        #expect(axis.lower == 0 && axis.upper == 1)
        #expect(axis.labels == ["1", "10"])
    }

    @Test func logarithmicLabelsForWideRanges() {
        let axis = PlotAxis.logarithmic(minimum: 1e-9, maximum: 1e3)
        #expect(axis.ticks.count <= 7)
        #expect(axis.labels.first == "1e-9" && axis.labels.last == "1000")
    }

    @Test func scaleMapsDomainOntoRange() {
        let scale = LinearScale(domain: (0, 10), range: (50, 370))
        #expect(scale(0) == 50 && scale(10) == 370 && scale(2.5) == 130)
        let reversed = LinearScale(domain: (0, 5), range: (260, 20))
        #expect(reversed(0) == 260 && reversed(5) == 20 && reversed(1) == 212)
    }
}
