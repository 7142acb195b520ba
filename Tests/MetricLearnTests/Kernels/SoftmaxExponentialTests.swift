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

    /// Distances from 0 past the wide cutoff, with +∞ (a diagonal) and exact zeros, in an odd count so that every
    /// vector loop also runs its remainder.
    private static func distances(count: Int) -> [Double] {
        var generator = SeededGenerator(seed: 7)
        return (0..<count).map { index in
            index % 97 == 0 ? .infinity : index % 31 == 0 ? 0 : 800 * generator.nextUniform() }
    }

    @Test(arguments: [0, 1, 3, 7, 8, 9, 250, 1001])
    func rowLoopGivesTheScalarBitsInPlaceAndOut(count: Int) {
        let distances = Self.distances(count: count)
        for (shift, wide) in [(0.0, false), (3.5, false), (40.0, true), (-2.0, true)] {
            let expected = distances.map { wide ? SoftmaxExponential.wideValue(shift - $0) : SoftmaxExponential.value(shift - $0) }
            var out = [Double](repeating: .nan, count: count)
            var inPlace = distances
            out.withUnsafeMutableBufferPointer { out in
                distances.withUnsafeBufferPointer { d in
                    SoftmaxExponential.fill(out.baseAddress!, distances: d.baseAddress!, shift: shift, count: count, wide: wide)
                }
            }
            inPlace.withUnsafeMutableBufferPointer { row in
                SoftmaxExponential.fill(row.baseAddress!, distances: row.baseAddress!, shift: shift, count: count, wide: wide)
            }
            #expect(out.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(inPlace.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }

    @Test(arguments: [1, 5, 250, 1001])
    func columnLoopGivesTheScalarBitsInPlaceAndOut(count: Int) {
        let distances = Self.distances(count: count)
        let shifts = Self.distances(count: count + 3).suffix(count).map { $0.isFinite ? $0 : 1 }
        for (shift, scale, wide) in [(0.0, 1.0, false), (12.25, 0.5, true)] {
            let expected = zip(distances, shifts).map { d, m in
                wide ? SoftmaxExponential.wideValue(shift + m * scale - d) : SoftmaxExponential.value(shift + m * scale - d)
            }
            var out = [Double](repeating: .nan, count: count)
            var inPlace = distances
            shifts.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { out in
                    distances.withUnsafeBufferPointer { d in
                        SoftmaxExponential.fill(out.baseAddress!, distances: d.baseAddress!, shift: shift,
                                                columnShifts: m.baseAddress!, scale: scale, count: count, wide: wide)
                    }
                }
                inPlace.withUnsafeMutableBufferPointer { row in
                    SoftmaxExponential.fill(row.baseAddress!, distances: row.baseAddress!, shift: shift,
                                            columnShifts: m.baseAddress!, scale: scale, count: count, wide: wide)
                }
            }
            #expect(out.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(inPlace.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }
}
