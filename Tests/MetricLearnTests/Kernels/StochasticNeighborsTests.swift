import Foundation
@testable import MetricLearn
import Testing

/// The engine with an objective other than NCA's: kernel regression's f = Σᵢ(ŷᵢ − tᵢ)², ŷᵢ = Σⱼ pᵢⱼ·tⱼ (MLKR's loss,
/// `KernelRegressionWeighting`), against its definition and finite differences, the embedding and gradient formed
/// here rather than by the engine's linear-map helper.
@Suite struct StochasticNeighborsTests {
    /// 30 samples with 4 features and real targets, and a random starting point for k components.
    static func problem(componentCount k: Int, tileSize: Int?, seed: UInt64) -> (RegressionObjective, [Double]) {
        var generator = SeededGenerator(seed: seed)
        let x = Matrix(rowCount: 30, columnCount: 4, elements: (0..<120).map { _ in generator.nextGaussian() })
        let targets = (0..<30).map { x[$0, 0] - 0.5 * x[$0, 2] + 0.1 * generator.nextGaussian() }
        let point = (0..<(k * 4)).map { _ in 0.5 * generator.nextGaussian() }
        return (RegressionObjective(x: x, targets: targets, componentCount: k, tileSize: tileSize), point)
    }

    /// f by its definition, every pᵢⱼ from `exp` (small inputs only).
    static func directValue(x: Matrix, targets: [Double], components: [Double], k: Int) -> Double {
        let z = (0..<x.rowCount).map { i in (0..<k).map { c in (0..<x.columnCount).reduce(0.0) { $0 + components[c * x.columnCount + $1] * x[i, $1] } } }
        var value = 0.0
        for i in z.indices {
            let distances = z.indices.map { j in zip(z[i], z[j]).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            let nearest = distances.enumerated().filter { $0.offset != i }.map(\.element).min()!
            var (sum, weighted) = (0.0, 0.0)
            for j in z.indices where j != i {
                sum += exp(nearest - distances[j])
                weighted += exp(nearest - distances[j]) * targets[j]
            }
            value += (weighted / sum - targets[i]) * (weighted / sum - targets[i])
        }
        return value
    }

    @Test(arguments: [nil, 1, 7] as [Int?])
    func valueIsTheDefinitionAndGradientMatchesFiniteDifferences(tileSize: Int?) {
        let (objective, point) = Self.problem(componentCount: 2, tileSize: tileSize, seed: 31)
        var gradient = [Double](repeating: 0, count: objective.dimension)
        let value = objective.valueAndGradient(at: point, gradient: &gradient)
        let expected = Self.directValue(x: objective.x, targets: objective.neighbors.weighting.targets, components: point, k: 2)
        #expect(abs(value - expected) <= 1e-12 * abs(expected))
        let numeric = FiniteDifferences.gradient(of: objective, at: point)
        #expect(FiniteDifferences.relativeError(gradient, numeric) <= 1e-6)
        #expect(gradient.contains { abs($0) > 1e-2 })
    }

    /// A duplicated pair (nearest distance 0) away from the origin and two points about 1102 from everything, whose softmax is split
    /// between the pair and each other: the off-diagonal tile of 2-sample tiles is too wide to split and takes
    /// both exponentials directly; its backward terms carry most of the far points' softmax. It must agree with
    /// one tile and with finite differences.
    @Test func unsplitOffDiagonalTilesAgreeWithOneTile() {
        let x = Matrix(rows: [[5], [5], [38.2], [71.3955]])
        let targets = [1.0, 2.0, -1.0, 0.5]
        let whole = RegressionObjective(x: x, targets: targets, componentCount: 1, tileSize: nil)
        let tiled = RegressionObjective(x: x, targets: targets, componentCount: 1, tileSize: 2)
        var (a, b) = ([0.0], [0.0])
        let value = whole.valueAndGradient(at: [1], gradient: &a)
        #expect(abs(tiled.valueAndGradient(at: [1], gradient: &b) - value) <= 1e-12 * abs(value))
        #expect(abs(a[0] - b[0]) <= 1e-12 * abs(a[0]) && abs(a[0]) > 0.1, "\(a[0])")
        #expect(abs(value - Self.directValue(x: x, targets: targets, components: [1], k: 1)) <= 1e-12 * abs(value))
        #expect(abs(a[0] - FiniteDifferences.gradient(of: tiled, at: [1])[0]) <= 1e-6 * abs(a[0]))
    }
}

/// f(L) = Σ(ŷᵢ − tᵢ)² on Z = X·Lᵀ, with ∂f/∂L = 2·Tᵀ·X.
struct RegressionObjective: DifferentiableObjective {
    let x: Matrix
    let neighbors: StochasticNeighbors<KernelRegressionWeighting>

    init(x: Matrix, targets: [Double], componentCount: Int, tileSize: Int?) {
        self.x = x
        neighbors = StochasticNeighbors(weighting: KernelRegressionWeighting(targets: targets), sampleCount: x.rowCount,
                                        componentCount: componentCount, tileSize: tileSize)
    }

    var dimension: Int { neighbors.componentCount * x.columnCount }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        let (n, d, k) = (x.rowCount, x.columnCount, neighbors.componentCount)
        neighbors.embedding = x.timesTransposed(Matrix(rowCount: k, columnCount: d, elements: point)).elements
        let value = neighbors.evaluate()
        gradient = Matrix(rowCount: n, columnCount: k, elements: neighbors.tangent).transposedTimes(x).elements.map { 2 * $0 }
        return value
    }
}
