import Foundation
import Testing
@testable import metric_learn_bench

@Suite("Benchmark statistics")
struct StatisticsTests {
    @Test("Median and quartiles of an odd count are order statistics")
    func oddCount() throws {
        let summary = try #require(Summary([5, 1, 4, 2, 3]))
        #expect(summary.count == 5)
        #expect(summary.minimum == 1)
        #expect(summary.lowerQuartile == 2)
        #expect(summary.median == 3)
        #expect(summary.upperQuartile == 4)
        #expect(summary.maximum == 5)
        #expect(summary.interquartileRange == 2)
    }

    @Test("Quantiles interpolate linearly between order statistics (NumPy's default)")
    func evenCount() throws {
        // numpy.percentile([1, 2, 4, 8], [25, 50, 75]) == [1.75, 3.0, 5.0]
        let summary = try #require(Summary([8, 1, 4, 2]))
        #expect(summary.lowerQuartile == 1.75)
        #expect(summary.median == 3)
        #expect(summary.upperQuartile == 5)
    }

    @Test("A single sample is its own median and has no spread")
    func singleSample() throws {
        let summary = try #require(Summary([0.25]))
        #expect(summary.median == 0.25)
        #expect(summary.interquartileRange == 0)
        #expect(Summary([]) == nil)
    }

    @Test("The growth exponent of exact power laws is recovered", arguments: [1.0, 2.0, 3.0, 0.5])
    func powerLaw(exponent: Double) throws {
        let sizes: [Double] = [500, 1000, 2000, 5000, 20000]
        let fit = try #require(GrowthFit(sizes: sizes, times: sizes.map { 3e-9 * pow($0, exponent) }))
        #expect(abs(fit.exponent - exponent) < 1e-12)
        #expect(abs(fit.rSquared - 1) < 1e-12)
        #expect(fit.pointCount == 5)
    }

    @Test("The growth exponent is the least-squares slope of noisy log–log points")
    func leastSquares() throws {
        // ln n = 0, 1, 2 and ln t = 0, 2, 3: slope = Σ(x−1)(y−5/3) / Σ(x−1)² = 3/2, R² = (3)² / (2 · 14/3) = 27/28.
        let fit = try #require(GrowthFit(sizes: [1, exp(1), exp(2)], times: [1, exp(2), exp(3)]))
        #expect(abs(fit.exponent - 1.5) < 1e-12)
        #expect(abs(fit.rSquared - 27.0 / 28.0) < 1e-12)
    }

    @Test("No fit without two distinct positive sizes and positive times")
    func degenerate() {
        #expect(GrowthFit(sizes: [1000], times: [1]) == nil)
        #expect(GrowthFit(sizes: [1000, 1000], times: [1, 2]) == nil)
        #expect(GrowthFit(sizes: [1000, 2000], times: [0, 2]) == nil)
    }
}
