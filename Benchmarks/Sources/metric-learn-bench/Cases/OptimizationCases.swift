import Foundation
import MetricLearn

/// The L-BFGS minimiser's own cost: 100 iterations on an ill-conditioned diagonal quadratic, whose value
/// and gradient cost O(p), so the time is the two-loop recursion and line search (≈ 4·m·p flops per
/// iteration for history m) rather than the objective. Learner fits pay this on top of their gradients.
enum OptimizationCases {
    static func cases(scale: Scale) -> [BenchmarkCase] {
        let dimensions = scale == .quick ? [2500] : [2500, 10000]
        return dimensions.map { dimension in
            BenchmarkCase(group: "lbfgs", operation: "minimize", data: "quadratic-p\(dimension)",
                          sampleCount: 0, featureCount: dimension, isSynthetic: false) {
                let solver = LBFGS(maxIterations: 100, gradientTolerance: 0, relativeTolerance: 0)
                let objective = DiagonalQuadratic(dimension: dimension)
                let start = [Double](repeating: 1, count: dimension)
                return Workload {
                    let result = solver.minimize(objective, from: start)
                    return ["iterations": Double(result.report.iterations),
                            "evaluations": Double(result.report.evaluations)]
                }
            }
        }
    }
}

/// f(x) = ½ Σᵢ λᵢ xᵢ² with λ log-spaced from 1 to 10⁶: slow enough for L-BFGS to use every iteration.
private struct DiagonalQuadratic: DifferentiableObjective {
    let dimension: Int
    let curvatures: [Double]

    init(dimension: Int) {
        self.dimension = dimension
        curvatures = (0..<dimension).map { pow(1e6, Double($0) / Double(max(1, dimension - 1))) }
    }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        var value = 0.0
        for i in 0..<dimension {
            gradient[i] = curvatures[i] * point[i]
            value += 0.5 * gradient[i] * point[i]
        }
        return value
    }
}
