import Foundation
@testable import MetricLearn
import Testing

@Suite struct DiagonalNCABatchObjectiveTests {
    static func problem(seed: UInt64) -> (x: Matrix, labels: [Int], point: [Double]) {
        let (x, labels) = shuffledRows(of: SyntheticData(perClass: 15, featureCount: 3, noiseFeatureCount: 2,
                                                         separation: 1, seed: seed), seed: seed)
        var generator = SeededGenerator(seed: seed + 100)
        return (x, labels, (0..<5).map { _ in 1 + 0.3 * generator.nextGaussian() })
    }

    @Test func theBatchOfEverySampleIsTheFullObjectiveBitForBit() {
        let (x, labels, point) = Self.problem(seed: 3)
        var (fullGradient, batchGradient) = ([Double](repeating: 0, count: 5), [Double](repeating: 0, count: 5))
        let value = DiagonalNCAObjective(x: x, labels: labels, regularization: 0.05)
            .valueAndGradient(at: point, gradient: &fullGradient)
        #expect(DiagonalNCABatchObjective(x: x, labels: labels, regularization: 0.05)
                    .valueAndGradient(at: point, batch: Array(0..<45), gradient: &batchGradient) == value)
        #expect(batchGradient == fullGradient)
    }

    @Test func batchGradientMatchesFiniteDifferences() {
        let (x, labels, point) = Self.problem(seed: 5)
        let batch = FixedBatch(objective: DiagonalNCABatchObjective(x: x, labels: labels, regularization: 0.05),
                               batch: stride(from: 2, to: 45, by: 2).map { $0 })
        var gradient = [Double](repeating: 0, count: 5)
        _ = batch.valueAndGradient(at: point, gradient: &gradient)
        #expect(FiniteDifferences.relativeError(gradient, FiniteDifferences.gradient(of: batch, at: point)) <= 1e-6)
        #expect(gradient.contains { abs($0) > 1e-3 })
    }
}
