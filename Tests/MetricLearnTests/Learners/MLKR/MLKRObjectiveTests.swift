import Foundation
@testable import MetricLearn
import Testing

@Suite struct MLKRObjectiveTests {
    /// 40 samples, 5 features, targets a noisy function of two of them, and a random starting point.
    static func problem(componentCount k: Int, seed: UInt64, tileSize: Int? = nil) -> (MLKRObjective, [Double]) {
        var generator = SeededGenerator(seed: seed)
        let x = Matrix(rowCount: 40, columnCount: 5, elements: (0..<200).map { _ in generator.nextGaussian() })
        let targets = (0..<40).map { 10 + 3 * x[$0, 1] - x[$0, 3] * x[$0, 3] + 0.2 * generator.nextGaussian() }
        let point = (0..<(k * 5)).map { _ in 0.5 * generator.nextGaussian() }
        return (MLKRObjective(x: x, targets: targets, componentCount: k, tileSize: tileSize), point)
    }

    @Test func handComputedValue() {
        // x = 0, 1, 3 with targets 0, 1, 5 and L = [1]: d₀₁ = 1, d₀₂ = 9, d₁₂ = 4. Each estimate is the
        // softmax-weighted mean of the other two targets; f = Σ(ŷ − t)² / Σ(t − 2)² = Σ(ŷ − t)² / 14.
        let objective = MLKRObjective(x: Matrix(rows: [[0], [1], [3]]), targets: [0, 1, 5], componentCount: 1)
        var gradient = [0.0]
        let value = objective.valueAndGradient(at: [1], gradient: &gradient)
        let e = { (d: Double) in exp(-d) }
        let estimates = [(e(1) * 1 + e(9) * 5) / (e(1) + e(9)), (e(1) * 0 + e(4) * 5) / (e(1) + e(4)),
                         (e(9) * 0 + e(4) * 1) / (e(9) + e(4))]
        let expected = zip(estimates, [0.0, 1, 5]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / 14
        #expect(abs(value - expected) < 1e-15)
        #expect(objective.totalSumOfSquares == 14)
        #expect(abs(gradient[0] - FiniteDifferences.gradient(of: objective, at: [1])[0]) < 1e-8)
    }

    @Test(arguments: [1, 2, 5])
    func gradientMatchesFiniteDifferences(componentCount: Int) {
        let (objective, point) = Self.problem(componentCount: componentCount, seed: UInt64(componentCount))
        var gradient = [Double](repeating: 0, count: objective.dimension)
        _ = objective.valueAndGradient(at: point, gradient: &gradient)
        let numeric = FiniteDifferences.gradient(of: objective, at: point)
        #expect(FiniteDifferences.relativeError(gradient, numeric) <= 1e-6)
        #expect(gradient.contains { abs($0) > 1e-3 })
    }

    /// Tiles of 1, 7 and 29 samples (off-diagonal tiles split into factors, and chunks) against one tile.
    @Test(arguments: [1, 7, 29])
    func tileSizeDoesNotChangeTheResult(tileSize: Int) {
        let (objective, point) = Self.problem(componentCount: 3, seed: 9)
        let (blocked, _) = Self.problem(componentCount: 3, seed: 9, tileSize: tileSize)
        var whole = [Double](repeating: 0, count: objective.dimension)
        var pieces = whole
        let value = objective.valueAndGradient(at: point, gradient: &whole)
        #expect(abs(value - blocked.valueAndGradient(at: point, gradient: &pieces)) <= 1e-12 * abs(value))
        #expect(FiniteDifferences.relativeError(whole, pieces) <= 1e-12)
    }

    /// Shifting and scaling the targets leaves f (relative to their total sum of squares) unchanged.
    @Test func theObjectiveDoesNotDependOnTheTargetsUnits() {
        let (objective, point) = Self.problem(componentCount: 2, seed: 3)
        let targets = objective.neighbors.weighting.targets
        let scaled = MLKRObjective(x: objective.x, targets: targets.map { 1000 * $0 - 7 }, componentCount: 2)
        var (a, b) = ([Double](repeating: 0, count: 10), [Double](repeating: 0, count: 10))
        let value = objective.valueAndGradient(at: point, gradient: &a)
        #expect(abs(value - scaled.valueAndGradient(at: point, gradient: &b)) <= 1e-12 * value)
        #expect(FiniteDifferences.relativeError(a, b) <= 1e-10)
    }
}

/// metric-learn 0.7.0's `MLKR._loss` on standardized diabetes rows (`Fixtures/mlkr_diabetes.json`): its loss is
/// Σ(ŷ − y)² in the targets' units, ours that divided by Σ(y − ȳ)².
@Suite("MLKR objective golden (metric-learn)")
struct MLKRObjectiveGoldenTests {
    static func data() throws -> (fixture: Fixture, x: Matrix, targets: [Double]) {
        let fixture = try Fixture("mlkr_diabetes")
        let diabetes = try RegressionDataset.diabetes.subset(rows: try fixture.integers("diabetesRows"))
        let x = try StandardScaler().fit(diabetes.features).transform(diabetes.features)
        return (fixture, x, diabetes.targets)
    }

    @Test(arguments: ["identity", "random3x10"])
    func lossAndGradient(_ name: String) throws {
        let (fixture, x, targets) = try Self.data()
        let golden = try fixture.object("cases").object(name)
        let l = try golden.matrix("L")
        let objective = MLKRObjective(x: x, targets: targets, componentCount: l.count)
        let total = try fixture.number("totalSumOfSquares")
        #expect(abs(objective.totalSumOfSquares - total) <= 1e-9 * total)
        var gradient = [Double](repeating: 0, count: objective.dimension)
        let value = objective.valueAndGradient(at: l.flatMap { $0 }, gradient: &gradient)
        let loss = try golden.number("loss")
        #expect(abs(value * total - loss) <= 1e-10 * loss, "\(value * total) vs \(loss)")
        let expected = try golden.matrix("gradient").flatMap { $0 }
        #expect(FiniteDifferences.relativeError(gradient.map { $0 * total }, expected) <= 1e-9)
    }
}
