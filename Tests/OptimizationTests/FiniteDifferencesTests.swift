import Foundation
import Optimization
import Testing

@Suite struct FiniteDifferencesTests {
    /// f(x) = sin(x₀)·x₁² + exp(x₂), ∇f = (cos(x₀)·x₁², 2·sin(x₀)·x₁, exp(x₂)).
    let objective = ClosureObjective(dimension: 3) { x, g in
        g[0] = cos(x[0]) * x[1] * x[1]
        g[1] = 2 * sin(x[0]) * x[1]
        g[2] = exp(x[2])
        return sin(x[0]) * x[1] * x[1] + exp(x[2])
    }

    @Test func matchesAnalyticGradient() {
        let point = [0.7, -1.3, 0.4]
        let analytic = [cos(0.7) * 1.69, 2 * sin(0.7) * -1.3, exp(0.4)]
        let numeric = FiniteDifferences.gradient(of: objective, at: point)
        #expect(numeric.count == 3)
        for i in 0..<3 { #expect(abs(numeric[i] - analytic[i]) <= 1e-8) }
        #expect(FiniteDifferences.relativeError(numeric, analytic) <= 1e-9)
    }

    @Test func detectsAWrongGradient() {
        let wrong = ClosureObjective(dimension: 3) { x, g in
            let value = objective.valueAndGradient(at: x, gradient: &g)
            g[1] *= 1.01
            return value
        }
        var claimed = [Double](repeating: 0, count: 3)
        _ = wrong.valueAndGradient(at: [0.7, -1.3, 0.4], gradient: &claimed)
        let numeric = FiniteDifferences.gradient(of: wrong, at: [0.7, -1.3, 0.4])
        #expect(FiniteDifferences.relativeError(claimed, numeric) > 1e-3)
    }

    @Test func gradientOfAQuadraticIsExactUpToRounding() {
        // Central differences are exact for quadratics: ∇(½xᵀAx − bᵀx) = Ax − b = (3, −1) at (1, 0).
        let numeric = FiniteDifferences.gradient(of: quadratic([[4, 1], [1, 3]], [1, 2]), at: [1, 0])
        #expect(abs(numeric[0] - 3) <= 1e-9)
        #expect(abs(numeric[1] + 1) <= 1e-9)
    }

    @Test func relativeErrorBasics() {
        #expect(FiniteDifferences.relativeError([1, 2, 3], [1, 2, 3]) == 0)
        #expect(FiniteDifferences.relativeError([0, 0], [0, 0]) == 0)
        #expect(FiniteDifferences.relativeError([], []) == 0)
        // ‖(3, 4) − 0‖ / max(5, 0) = 1.
        #expect(FiniteDifferences.relativeError([3, 4], [0, 0]) == 1)
        // ‖(1, −1)‖ / max(1, 1) = √2.
        #expect(FiniteDifferences.relativeError([1, 0], [0, 1]) == 2.0.squareRoot())
        // ‖(0, 1)‖ / max(‖(3, 4)‖, ‖(3, 3)‖) = 1/5, symmetric in its arguments.
        #expect(abs(FiniteDifferences.relativeError([3, 4], [3, 3]) - 0.2) <= 1e-15)
        #expect(FiniteDifferences.relativeError([3, 4], [3, 3]) == FiniteDifferences.relativeError([3, 3], [3, 4]))
    }
}
