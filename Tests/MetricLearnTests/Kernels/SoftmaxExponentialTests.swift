import Foundation
@testable import MetricLearn
import Testing

@Suite struct SoftmaxExponentialTests {
    @Test func withinThreeUlpOfExpOverTheWholeRange() {
        var worst = 0.0
        for step in 0...200_000 {
            let t = SoftmaxExponential.cutoff * Double(step) / 200_000
            let reference = exp(t)
            worst = max(worst, abs(SoftmaxExponential.value(t) - reference) / reference.ulp)
        }
        #expect(worst <= 3)
    }

    @Test func wideValueWithinThreeUlpOfExpFromItsCutoffTo709() {
        var worst = 0.0
        for step in 0...200_000 {
            let t = SoftmaxExponential.wideCutoff + (709 - SoftmaxExponential.wideCutoff) * Double(step) / 200_000
            let reference = exp(t)
            worst = max(worst, abs(SoftmaxExponential.wideValue(t) - reference) / reference.ulp)
        }
        #expect(worst <= 3)
        #expect(SoftmaxExponential.wideValue(SoftmaxExponential.wideCutoff.nextDown) == 0)
        #expect(SoftmaxExponential.wideValue(-.infinity) == 0)
    }

    @Test func exactAtZeroAndFlushedBelowTheCutoff() {
        #expect(SoftmaxExponential.value(0) == 1)
        #expect(SoftmaxExponential.value(-1) == exp(-1.0) || abs(SoftmaxExponential.value(-1) - exp(-1.0)) <= exp(-1.0).ulp)
        #expect(SoftmaxExponential.value(SoftmaxExponential.cutoff.nextDown) == 0)
        #expect(SoftmaxExponential.value(-1e300) == 0)
        #expect(SoftmaxExponential.value(-.infinity) == 0)
        #expect(SoftmaxExponential.value(SoftmaxExponential.cutoff) > 0x1p-65)
    }
}
