import Foundation
@testable import MetricLearn
import Testing

/// LMNN's mini-batch estimate: the batch's anchors keep their target neighbours among all samples, their impostors
/// come from the batch, and the scales n/|B| (pull) and (n − n_c)/(|B| − |B_c|) (push) make it unbiased.
@Suite struct LMNNBatchObjectiveTests {
    /// 60 shuffled samples of 3 classes (3 informative features, 1 noise), k = 2 targets, and a random L (2 × 4).
    static func problem(seed: UInt64) -> (x: Matrix, labels: [Int], targets: [Int], point: [Double]) {
        let (x, labels) = shuffledRows(of: SyntheticData(classCount: 3, perClass: 20, featureCount: 3,
                                                         noiseFeatureCount: 1, separation: 1.5, seed: seed), seed: seed)
        var generator = SeededGenerator(seed: seed + 100)
        return (x, labels, LMNN.targetNeighbors(in: x, labels: labels, count: 2),
                (0..<8).map { _ in 0.6 * generator.nextGaussian() })
    }

    static func objective(_ x: Matrix, _ labels: [Int], _ targets: [Int], loss: LMNN.Loss) -> LMNNBatchObjective {
        LMNNBatchObjective(x: x, labels: labels, targets: targets,
                           loss: LMNNLoss(neighborCount: 2, componentCount: 2, pushWeight: 0.3, loss: loss))
    }

    @Test(arguments: LMNN.Loss.allCases)
    func theBatchOfEverySampleIsTheFullObjective(loss: LMNN.Loss) {
        let (x, labels, targets, point) = Self.problem(seed: 1)
        let full = LMNNObjective(x: x, labels: labels, targets: targets, neighborCount: 2, componentCount: 2,
                                 pushWeight: 0.3, loss: loss)
        var (fullGradient, batchGradient) = ([Double](repeating: 0, count: 8), [Double](repeating: 0, count: 8))
        let value = full.valueAndGradient(at: point, gradient: &fullGradient)
        let estimate = Self.objective(x, labels, targets, loss: loss)
            .valueAndGradient(at: point, batch: Array(0..<60), gradient: &batchGradient)
        #expect(abs(estimate - value) <= 1e-12 * value)
        #expect(FiniteDifferences.relativeError(batchGradient, fullGradient) <= 1e-12)
        #expect(full.statistics(at: point).activeTriplets > 0)
    }

    /// A brute-force transcription of the estimate: (n/|B|)·(1 − μ)·Σ_{i∈B} Σ_j dᵢⱼ + μ·Σ_{i∈B} s_{yᵢ}·Σ_j Σ_{l∈B, y_l≠yᵢ}
    /// ℓ(1 + dᵢⱼ − dᵢₗ), on a batch that holds the classes unevenly (so the push scales differ by class).
    @Test(arguments: LMNN.Loss.allCases)
    func aBatchIsTheScaledLossOfItsAnchors(loss: LMNN.Loss) {
        let (x, labels, targets, point) = Self.problem(seed: 2)
        let batch = [0, 2, 3, 7, 11, 12, 19, 20, 26, 31, 33, 38, 40, 47, 52, 59]
        let z = x.timesTransposed(Matrix(rowCount: 2, columnCount: 4, elements: point))
        func distance(_ a: Int, _ b: Int) -> Double {
            (0..<2).reduce(0) { $0 + (z[a, $1] - z[b, $1]) * (z[a, $1] - z[b, $1]) }
        }
        let classSizes = (0..<3).map { c in labels.count { $0 == c } }
        let batchSizes = (0..<3).map { c in batch.count { labels[$0] == c } }
        #expect(Set(batchSizes).count > 1)
        var (pull, push) = (0.0, 0.0)
        for i in batch {
            let scale = Double(60 - classSizes[labels[i]]) / Double(batch.count - batchSizes[labels[i]])
            for t in 0..<2 {
                let target = distance(i, targets[i * 2 + t])
                pull += target
                for l in batch where labels[l] != labels[i] {
                    let margin = max(0, 1 + target - distance(i, l))
                    push += scale * (loss == .hinge ? margin : margin * margin)
                }
            }
        }
        let expected = 60.0 / Double(batch.count) * 0.7 * pull + 0.3 * push
        #expect(push > 0)
        var gradient = [Double](repeating: 0, count: 8)
        let value = Self.objective(x, labels, targets, loss: loss).valueAndGradient(at: point, batch: batch,
                                                                                    gradient: &gradient)
        #expect(abs(value - expected) <= 1e-12 * expected)
    }

    /// Central differences on a fixed batch, at a point checked to be at least 1e-3 away from every hinge kink.
    @Test(arguments: LMNN.Loss.allCases, [UInt64(3), 4])
    func batchGradientMatchesFiniteDifferences(loss: LMNN.Loss, seed: UInt64) throws {
        let (x, labels, targets, point) = Self.problem(seed: seed)
        let batch = stride(from: 1, to: 60, by: 3).map { $0 }
        let z = x.timesTransposed(Matrix(rowCount: 2, columnCount: 4, elements: point))
        func distance(_ a: Int, _ b: Int) -> Double {
            (0..<2).reduce(0) { $0 + (z[a, $1] - z[b, $1]) * (z[a, $1] - z[b, $1]) }
        }
        let margins = batch.flatMap { i in
            (0..<2).flatMap { t in
                batch.filter { labels[$0] != labels[i] }.map { 1 + distance(i, targets[i * 2 + t]) - distance(i, $0) }
            }
        }
        try #require(margins.allSatisfy { abs($0) > 1e-3 }, "the point sits near a hinge kink")
        #expect(margins.contains { $0 > 0 }, "no active triplet: the push term would go untested")
        let fixed = FixedBatch(objective: Self.objective(x, labels, targets, loss: loss), batch: batch)
        var gradient = [Double](repeating: 0, count: 8)
        _ = fixed.valueAndGradient(at: point, gradient: &gradient)
        #expect(FiniteDifferences.relativeError(gradient, FiniteDifferences.gradient(of: fixed, at: point)) <= 1e-6)
    }
}
