import Foundation
@testable import MetricLearn
import Testing

@Suite struct NCAObjectiveTests {
    /// 30 samples, 5 features, 3 classes, and a random starting point of the right size.
    static func problem(componentCount k: Int, seed: UInt64) -> (NCAObjective, [Double]) {
        let table = SyntheticData(perClass: 10, featureCount: 5, separation: 1, seed: seed)
        var generator = SeededGenerator(seed: seed + 100)
        let point = (0..<(k * 5)).map { _ in 0.5 * generator.nextGaussian() }
        return (NCAObjective(x: table.features, labels: table.labels, componentCount: k), point)
    }

    @Test func handComputedValue() {
        // x = 0, 1, 3 with labels 0, 0, 1 and L = [1]: d₀₁ = 1, d₀₂ = 9, d₁₂ = 4.
        // p₀ = 1/(1 + e⁻⁸), p₁ = 1/(1 + e⁻³), p₂ = 0 (no other sample of its class).
        let objective = NCAObjective(x: Matrix(rows: [[0], [1], [3]]), labels: [0, 0, 1], componentCount: 1)
        var gradient = [0.0]
        let value = objective.valueAndGradient(at: [1], gradient: &gradient)
        let expected = -(1 / (1 + exp(-8.0)) + 1 / (1 + exp(-3.0)))
        #expect(abs(value - expected) < 1e-15)
        // d/dL of −Σpᵢ: p₀ = σ(8L²) gives −16L·σ'(8); p₁ = σ(3L²) gives −6L·σ'(3); σ' = σ(1 − σ).
        func derivative(_ a: Double) -> Double { let s = 1 / (1 + exp(-a)); return s * (1 - s) }
        #expect(abs(gradient[0] - -(16 * derivative(8) + 6 * derivative(3))) < 1e-14)
    }

    @Test(arguments: [1, 2, 5])
    func gradientMatchesFiniteDifferences(componentCount: Int) {
        let (objective, point) = Self.problem(componentCount: componentCount, seed: UInt64(componentCount))
        var gradient = [Double](repeating: 0, count: objective.dimension)
        _ = objective.valueAndGradient(at: point, gradient: &gradient)
        let numeric = FiniteDifferences.gradient(of: objective, at: point)
        #expect(FiniteDifferences.relativeError(gradient, numeric) <= 1e-6)
        #expect(gradient.contains { abs($0) > 1e-3 })       // a real, non-vanishing gradient was checked
    }

    /// Tiles of 1, 7 and 29 samples (off-diagonal tiles, split into row and column factors) against one tile.
    @Test(arguments: [1, 7, 29])
    func tileSizeDoesNotChangeTheResult(tileSize: Int) {
        let (objective, point) = Self.problem(componentCount: 3, seed: 9)
        let blocked = NCAObjective(x: objective.x, labels: objective.neighbors.weighting.labels, componentCount: 3,
                                   tileSize: tileSize)
        var whole = [Double](repeating: 0, count: objective.dimension)
        var pieces = whole
        let value = objective.valueAndGradient(at: point, gradient: &whole)
        let blockedValue = blocked.valueAndGradient(at: point, gradient: &pieces)
        #expect(abs(value - blockedValue) <= 1e-12 * abs(value))
        #expect(FiniteDifferences.relativeError(whole, pieces) <= 1e-12)
    }

    /// One tile, and tiles of 1 and 2 samples whose minima span 10⁶ (too far apart to split into factors).
    @Test(arguments: [nil, 1, 2] as [Int?])
    func farApartPointsDoNotOverflow(tileSize: Int?) {
        // Distances of 10⁶ would make exp(−d) underflow to 0/0 without the per-row shift.
        let objective = NCAObjective(x: Matrix(rows: [[0], [1000], [3000], [3001]]), labels: [0, 0, 1, 1],
                                     componentCount: 1, tileSize: tileSize)
        var gradient = [0.0]
        let value = objective.valueAndGradient(at: [1], gradient: &gradient)
        #expect(value == -4)        // every nearest neighbour is of the same class, with probability 1
        #expect(gradient[0].isFinite)
    }
}

extension NCAObjectiveTests {
    /// The objective reuses its workspace: evaluating elsewhere in between must not change a result.
    @Test func repeatedEvaluationsGiveTheSameBits() {
        let (objective, point) = Self.problem(componentCount: 2, seed: 4)
        var first = [Double](repeating: 0, count: objective.dimension)
        var again = first, elsewhere = first
        let value = objective.valueAndGradient(at: point, gradient: &first)
        _ = objective.valueAndGradient(at: point.map { 2 * $0 + 0.1 }, gradient: &elsewhere)
        #expect(objective.valueAndGradient(at: point, gradient: &again) == value)
        #expect(again == first)
        #expect(elsewhere != first)
    }
}

extension NCAObjectiveTests {
    /// 1200 samples: 256 × 256 tiles run their chunks concurrently, 8 × 8 tiles on the calling thread.
    @Test func concurrentChunksAgreeWithSequentialOnes() {
        let data = SyntheticData(perClass: 400, featureCount: 3, separation: 1, seed: 12)
        let point = [0.8, -0.3, 0.5, 0.2, 0.9, -0.6]
        let concurrent = NCAObjective(x: data.features, labels: data.labels, componentCount: 2)
        let sequential = NCAObjective(x: data.features, labels: data.labels, componentCount: 2, tileSize: 8)
        var a = [Double](repeating: 0, count: 6), b = a
        let valueA = concurrent.valueAndGradient(at: point, gradient: &a)
        let valueB = sequential.valueAndGradient(at: point, gradient: &b)
        #expect(abs(valueA - valueB) <= 1e-12 * abs(valueA))
        #expect(FiniteDifferences.relativeError(a, b) <= 1e-12)
    }
}
