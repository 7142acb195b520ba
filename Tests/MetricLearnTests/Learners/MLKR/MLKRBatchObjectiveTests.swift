import Foundation
@testable import MetricLearn
import Testing

@Suite struct MLKRBatchObjectiveTests {
    /// 40 samples, 5 features, targets a noisy function of two of them, and a random starting point.
    static func problem(componentCount k: Int, seed: UInt64) -> (x: Matrix, targets: [Double], point: [Double]) {
        var generator = SeededGenerator(seed: seed)
        let x = Matrix(rowCount: 40, columnCount: 5, elements: (0..<200).map { _ in generator.nextGaussian() })
        let targets = (0..<40).map { 10 + 3 * x[$0, 1] - x[$0, 3] * x[$0, 3] + 0.2 * generator.nextGaussian() }
        return (x, targets, (0..<(k * 5)).map { _ in 0.5 * generator.nextGaussian() })
    }

    @Test(arguments: [1, 4])
    func theBatchOfEverySampleIsTheFullObjectiveBitForBit(componentCount k: Int) {
        let (x, targets, point) = Self.problem(componentCount: k, seed: UInt64(k))
        let full = MLKRObjective(x: x, targets: targets, componentCount: k)
        var fullGradient = [Double](repeating: 0, count: full.dimension)
        var batchGradient = fullGradient
        let value = full.valueAndGradient(at: point, gradient: &fullGradient)
        #expect(MLKRBatchObjective(x: x, targets: targets, componentCount: k)
                    .valueAndGradient(at: point, batch: Array(0..<40), gradient: &batchGradient) == value)
        #expect(batchGradient == fullGradient)
    }

    @Test(arguments: [1, 2, 5])
    func batchGradientMatchesFiniteDifferences(componentCount k: Int) {
        let (x, targets, point) = Self.problem(componentCount: k, seed: UInt64(20 + k))
        let batch = FixedBatch(objective: MLKRBatchObjective(x: x, targets: targets, componentCount: k),
                               batch: stride(from: 0, to: 40, by: 3).map { $0 })
        var gradient = [Double](repeating: 0, count: batch.dimension)
        _ = batch.valueAndGradient(at: point, gradient: &gradient)
        #expect(FiniteDifferences.relativeError(gradient, FiniteDifferences.gradient(of: batch, at: point)) <= 1e-6)
        #expect(gradient.contains { abs($0) > 1e-3 })
    }
}
