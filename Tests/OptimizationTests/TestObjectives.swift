import Optimization

/// An objective given by a closure, for tests.
struct ClosureObjective: DifferentiableObjective {
    let dimension: Int
    let body: ([Double], inout [Double]) -> Double

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        body(point, &gradient)
    }
}

/// f(x) = ½xᵀAx − bᵀx for a symmetric positive definite A given row-major; ∇f = Ax − b.
func quadratic(_ a: [[Double]], _ b: [Double]) -> ClosureObjective {
    ClosureObjective(dimension: b.count) { x, g in
        var value = 0.0
        for i in b.indices {
            var ax = 0.0
            for j in b.indices { ax += a[i][j] * x[j] }
            g[i] = ax - b[i]
            value += 0.5 * x[i] * ax - b[i] * x[i]
        }
        return value
    }
}

/// The extended Rosenbrock function Σₖ 100(x₂ₖ₊₁ − x₂ₖ²)² + (1 − x₂ₖ)² (even dimension); minimum 0 at all ones.
func rosenbrock(dimension: Int) -> ClosureObjective {
    ClosureObjective(dimension: dimension) { x, g in
        var value = 0.0
        for k in stride(from: 0, to: dimension, by: 2) {
            let u = x[k + 1] - x[k] * x[k], v = 1 - x[k]
            value += 100 * u * u + v * v
            g[k] = -400 * x[k] * u - 2 * v
            g[k + 1] = 200 * u
        }
        return value
    }
}

func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }
