import Foundation
import Optimization
import Testing

@Suite struct LBFGSTests {
    // A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]] (leading minors 4, 11, 18: positive definite) and b = A·(1, −2, 3)
    // = (2, −2, 4), so the minimiser of ½xᵀAx − bᵀx is x* = (1, −2, 3) and f* = −½bᵀx* = −9.
    let handQuadratic = quadratic([[4, 1, 0], [1, 3, 1], [0, 1, 2]], [2, -2, 4])
    let handMinimizer = [1.0, -2, 3]

    @Test func convexQuadraticReachesHandComputedMinimizer() {
        let result = LBFGS(gradientTolerance: 1e-10, relativeTolerance: 0)
            .minimize(handQuadratic, from: [0, 0, 0])
        #expect(result.report.didConverge)
        #expect(result.report.stopReason == .gradientTolerance)
        for i in 0..<3 { #expect(abs(result.point[i] - handMinimizer[i]) <= 1e-8) }
        #expect(abs(result.value + 9) <= 1e-12)
        #expect(result.report.finalGradientNorm <= 1e-10)
        #expect(result.report.finalGradientNorm == result.gradient.map(\.magnitude).max())
    }

    @Test func rosenbrockFromClassicStart() {
        let result = LBFGS(gradientTolerance: 1e-9, relativeTolerance: 0).minimize(rosenbrock(dimension: 2), from: [-1.2, 1])
        #expect(result.report.didConverge)
        #expect(abs(result.point[0] - 1) <= 1e-5)
        #expect(abs(result.point[1] - 1) <= 1e-5)
        #expect(result.value <= 1e-12)
        #expect(abs(result.report.objectiveHistory[0] - 24.2) <= 1e-12)  // 100·(1 − 1.44)² + 2.2²
        #expect(result.report.iterations < 100)
    }

    @Test func extendedRosenbrockInTenDimensions() {
        let start = (0..<10).map { $0.isMultiple(of: 2) ? -1.2 : 1 }
        let result = LBFGS(gradientTolerance: 1e-9, relativeTolerance: 0).minimize(rosenbrock(dimension: 10), from: start)
        #expect(result.report.didConverge)
        for x in result.point { #expect(abs(x - 1) <= 1e-5) }
        #expect(result.value <= 1e-12)
    }

    @Test func illConditionedQuadratic() {
        // f = ½Σλᵢ(xᵢ − cᵢ)², λᵢ = 10^(6i/9): condition number 10⁶, minimiser c.
        let eigenvalues = (0..<10).map { pow(10, 6 * Double($0) / 9) }
        let center = (0..<10).map { Double($0) - 4.5 }
        let objective = ClosureObjective(dimension: 10) { x, g in
            var value = 0.0
            for i in 0..<10 {
                let r = x[i] - center[i]
                g[i] = eigenvalues[i] * r
                value += 0.5 * eigenvalues[i] * r * r
            }
            return value
        }
        let result = LBFGS(maxIterations: 1000, gradientTolerance: 1e-7, relativeTolerance: 0)
            .minimize(objective, from: [Double](repeating: 0, count: 10))
        #expect(result.report.stopReason == .gradientTolerance)
        // |xᵢ − cᵢ| = |gᵢ| / λᵢ ≤ 10⁻⁷ / 1.
        for i in 0..<10 { #expect(abs(result.point[i] - center[i]) <= 1e-7) }
    }

    @Test func maxIterationsStopDoesNotConverge() {
        let result = LBFGS(maxIterations: 5).minimize(rosenbrock(dimension: 2), from: [-1.2, 1])
        #expect(!result.report.didConverge)
        #expect(result.report.stopReason == .maxIterations)
        #expect(result.report.iterations == 5)
        #expect(result.report.objectiveHistory.count == 6)
        #expect(result.report.objectiveHistory.last == result.value)
        #expect(result.value < 24)
    }

    @Test func relativeToleranceStop() {
        let tolerance = 1e-3
        let result = LBFGS(gradientTolerance: 0, relativeTolerance: tolerance)
            .minimize(rosenbrock(dimension: 2), from: [-1.2, 1])
        #expect(result.report.didConverge)
        #expect(result.report.stopReason == .relativeTolerance)
        let history = result.report.objectiveHistory
        func relativeDecrease(_ k: Int) -> Double {
            (history[k] - history[k + 1]) / max(abs(history[k]), abs(history[k + 1]), 1)
        }
        #expect(relativeDecrease(history.count - 2) <= tolerance)
        for k in 0..<(history.count - 2) { #expect(relativeDecrease(k) > tolerance) }
    }

    @Test func startAtMinimumTakesNoIteration() {
        var evaluated = 0
        let counting = ClosureObjective(dimension: 3) { x, g in
            evaluated += 1
            return handQuadratic.valueAndGradient(at: x, gradient: &g)
        }
        var calls = 0
        let result = LBFGS().minimize(counting, from: handMinimizer) { _ in calls += 1 }
        #expect(result.report.iterations == 0)
        #expect(result.report.evaluations == 1)
        #expect(evaluated == 1)
        #expect(calls == 0)
        #expect(result.report.didConverge)
        #expect(result.report.stopReason == .gradientTolerance)
        #expect(result.point == handMinimizer)
        #expect(result.value == -9)
        #expect(result.report.objectiveHistory == [-9])
        #expect(result.report.finalGradientNorm == 0)
    }

    @Test func zeroDimensionalProblemConverges() {
        let empty = ClosureObjective(dimension: 0) { _, _ in 7 }
        let result = LBFGS(gradientTolerance: -1).minimize(empty, from: [])
        #expect(result.report.didConverge)
        #expect(result.report.iterations == 0)
        #expect(result.value == 7)
        #expect(result.point.isEmpty)
    }

    @Test(arguments: [(Double.nan, 1.0), (.infinity, 1.0), (-.infinity, 1.0), (1.0, .nan), (1.0, -.infinity)])
    func nonFiniteStartReturnsImmediately(value: Double, gradientEntry: Double) {
        let objective = ClosureObjective(dimension: 2) { _, g in
            g[0] = 1
            g[1] = gradientEntry
            return value
        }
        let result = LBFGS().minimize(objective, from: [0.5, -0.5])
        #expect(!result.report.didConverge)
        #expect(result.report.stopReason == .nonFiniteValue)
        #expect(result.report.iterations == 0)
        #expect(result.report.evaluations == 1)
        #expect(result.point == [0.5, -0.5])
    }

    @Test func backsOffFromNonFiniteRegion() {
        // f(x) = aᵀx − log(R² − ‖x‖²), NaN outside the ball ‖x‖ < R. With a = (3, 4), R = ½ the first trial
        // step min(1, 1/‖∇f(0)‖) = 1/5 lands on −a/5, at radius 1: outside. Setting ∇f = a + 2x/(R² − ‖x‖²)
        // to 0 gives x* = −ρ·a/‖a‖ with ‖a‖ρ² + 2ρ − ‖a‖R² = 0, so ρ = (√(1 + ‖a‖²R²) − 1)/‖a‖ = (√7.25 − 1)/5.
        final class Counter { var nonFinite = 0 }
        let counter = Counter()
        let objective = ClosureObjective(dimension: 2) { x, g in
            let slack = 0.25 - (x[0] * x[0] + x[1] * x[1])
            guard slack > 0 else {
                counter.nonFinite += 1
                g[0] = .nan
                g[1] = .nan
                return .nan
            }
            g[0] = 3 + 2 * x[0] / slack
            g[1] = 4 + 2 * x[1] / slack
            return 3 * x[0] + 4 * x[1] - log(slack)
        }
        let result = LBFGS().minimize(objective, from: [0, 0])
        let rho = (7.25.squareRoot() - 1) / 5
        #expect(counter.nonFinite >= 1)
        #expect(result.report.stopReason == .gradientTolerance)
        // The Hessian 2I/s + 4xxᵀ/s² at x* (s = R² − ρ² ≈ 0.135) has smallest eigenvalue 2/s > 14, so
        // ‖∇f‖∞ ≤ 10⁻⁵ puts x within 10⁻⁵·√2/14 < 10⁻⁶ of x*.
        #expect(abs(result.point[0] + 0.6 * rho) <= 1e-6)
        #expect(abs(result.point[1] + 0.8 * rho) <= 1e-6)
        #expect(result.value.isFinite)
    }

    @Test func progressIsCalledOncePerIterationAndHistoryNeverIncreases() {
        var reported: [OptimizationProgress] = []
        let result = LBFGS(gradientTolerance: 1e-9, relativeTolerance: 0)
            .minimize(rosenbrock(dimension: 2), from: [-1.2, 1]) { reported.append($0) }
        let history = result.report.objectiveHistory
        #expect(reported.count == result.report.iterations)
        #expect(reported.map(\.iteration) == Array(1...result.report.iterations))
        #expect(reported.map(\.value) == Array(history.dropFirst()))
        #expect(history.count == result.report.iterations + 1)
        for k in 1..<history.count { #expect(history[k] <= history[k - 1]) }
        #expect(reported.last?.gradientNorm == result.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    @Test func runsAreBitwiseDeterministic() {
        let start = (0..<10).map { $0.isMultiple(of: 2) ? -1.2 : 1 }
        let optimizer = LBFGS(historySize: 5, gradientTolerance: 1e-9, relativeTolerance: 0)
        let first = optimizer.minimize(rosenbrock(dimension: 10), from: start)
        let second = optimizer.minimize(rosenbrock(dimension: 10), from: start)
        #expect(bits(first.point) == bits(second.point))
        #expect(bits(first.gradient) == bits(second.gradient))
        #expect(bits(first.report.objectiveHistory) == bits(second.report.objectiveHistory))
        #expect(first.value.bitPattern == second.value.bitPattern)
        #expect(first.report == second.report)
    }

    @Test func lineSearchFailureReturnsStartWhenNothingIsBetter() {
        // The gradient has the wrong sign, so the claimed descent direction goes uphill.
        let objective = ClosureObjective(dimension: 2) { x, g in
            g[0] = -2 * x[0]
            g[1] = -2 * x[1]
            return x[0] * x[0] + x[1] * x[1]
        }
        let result = LBFGS().minimize(objective, from: [1, 2])
        #expect(!result.report.didConverge)
        #expect(result.report.stopReason == .lineSearchFailed)
        #expect(result.report.iterations == 0)
        #expect(result.point == [1, 2])
        #expect(result.value == 5)
    }

    @Test func lineSearchFailureReturnsBestPointSeen() {
        // f = x₀ + x₁ is unbounded below: φ′ never rises, so no step meets the curvature condition and the
        // budget runs out, but every trial lowered f and the lowest one is returned.
        let objective = ClosureObjective(dimension: 2) { x, g in
            g[0] = 1
            g[1] = 1
            return x[0] + x[1]
        }
        let result = LBFGS(maxLineSearchEvaluations: 5).minimize(objective, from: [0, 0])
        #expect(result.report.stopReason == .lineSearchFailed)
        #expect(result.report.evaluations == 6)
        #expect(result.value < -1)
        #expect(result.value == result.point[0] + result.point[1])
        #expect(result.report.objectiveHistory == [0])
    }

    @Test func degenerateSettingsDoNotTrap() {
        let start = [0.0, 0, 0]
        let noIterations = LBFGS(maxIterations: 0).minimize(handQuadratic, from: start)
        #expect(noIterations.report.stopReason == .maxIterations)
        #expect(noIterations.report.iterations == 0)
        #expect(noIterations.point == start)

        let noLineSearch = LBFGS(maxLineSearchEvaluations: 0).minimize(handQuadratic, from: start)
        #expect(noLineSearch.report.stopReason == .lineSearchFailed)
        #expect(noLineSearch.point == start)

        // No memory is steepest descent with a Wolfe line search: slow, but it still goes downhill.
        let steepest = LBFGS(historySize: 0, maxIterations: 20).minimize(handQuadratic, from: start)
        #expect(steepest.value < 0)
        #expect(steepest.report.iterations > 0)
    }
}
