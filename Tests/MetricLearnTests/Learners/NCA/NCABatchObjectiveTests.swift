import Foundation
@testable import MetricLearn
import Testing

@Suite struct NCABatchObjectiveTests {
    /// 45 shuffled samples of 3 classes, 5 features, and a random starting point for k components.
    static func problem(componentCount k: Int, seed: UInt64) -> (x: Matrix, labels: [Int], point: [Double]) {
        let (x, labels) = shuffledRows(of: SyntheticData(perClass: 15, featureCount: 5, separation: 1, seed: seed),
                                       seed: seed)
        var generator = SeededGenerator(seed: seed + 100)
        return (x, labels, (0..<(k * 5)).map { _ in 0.5 * generator.nextGaussian() })
    }

    @Test(arguments: [1, 3, 5])
    func theBatchOfEverySampleIsTheFullObjectiveBitForBit(componentCount k: Int) {
        let (x, labels, point) = Self.problem(componentCount: k, seed: UInt64(k))
        let full = NCAObjective(x: x, labels: labels, componentCount: k)
        let batched = NCABatchObjective(x: x, labels: labels, componentCount: k)
        var fullGradient = [Double](repeating: 0, count: full.dimension)
        var batchGradient = fullGradient
        let value = full.valueAndGradient(at: point, gradient: &fullGradient)
        #expect(batched.valueAndGradient(at: point, batch: Array(0..<45), gradient: &batchGradient) == value)
        #expect(batchGradient == fullGradient)
    }

    @Test(arguments: [1, 2, 5])
    func batchGradientMatchesFiniteDifferences(componentCount k: Int) {
        let (x, labels, point) = Self.problem(componentCount: k, seed: UInt64(10 + k))
        let batch = FixedBatch(objective: NCABatchObjective(x: x, labels: labels, componentCount: k),
                               batch: stride(from: 1, to: 45, by: 3).map { $0 })
        var gradient = [Double](repeating: 0, count: batch.dimension)
        _ = batch.valueAndGradient(at: point, gradient: &gradient)
        #expect(FiniteDifferences.relativeError(gradient, FiniteDifferences.gradient(of: batch, at: point)) <= 1e-6)
        #expect(gradient.contains { abs($0) > 1e-3 })
    }

    @Test func aBatchIsTheScaledObjectiveOfItsSubTable() {
        let (x, labels, point) = Self.problem(componentCount: 2, seed: 4)
        let batch = [0, 3, 4, 8, 13, 21, 22, 30, 31, 40]
        let subTable = NCAObjective(x: x.rows(at: batch), labels: batch.map { labels[$0] }, componentCount: 2)
        var (expected, actual) = ([Double](repeating: 0, count: 10), [Double](repeating: 0, count: 10))
        let subValue = subTable.valueAndGradient(at: point, gradient: &expected)
        let value = NCABatchObjective(x: x, labels: labels, componentCount: 2)
            .valueAndGradient(at: point, batch: batch, gradient: &actual)
        #expect(abs(value - 4.5 * subValue) <= 1e-12 * abs(value))
        #expect(FiniteDifferences.relativeError(actual, expected.map { 4.5 * $0 }) <= 1e-12)
    }
}
