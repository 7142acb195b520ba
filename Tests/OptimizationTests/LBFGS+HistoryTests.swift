@testable import Optimization
import Testing

@Suite struct LBFGSHistoryTests {
    /// −H·g with H built densely by the BFGS inverse update H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ from
    /// H⁰ = γI, γ = sᵀy/yᵀy of the newest pair: what the two-loop recursion must reproduce.
    func denseDirection(pairs: [([Double], [Double])], gradient: [Double]) -> [Double] {
        let n = gradient.count
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let (sLast, yLast) = pairs.last!
        let gamma = dot(sLast, yLast) / dot(yLast, yLast)
        var h = (0..<n).map { i in (0..<n).map { j in i == j ? gamma : 0 } }
        for (s, y) in pairs {
            let rho = 1 / dot(s, y)
            // V = I − ρysᵀ; H ← VᵀHV + ρssᵀ.
            let v = (0..<n).map { i in (0..<n).map { j in (i == j ? 1 : 0) - rho * y[i] * s[j] } }
            let hv = (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0) { $0 + h[i][$1] * v[$1][j] } } }
            h = (0..<n).map { i in (0..<n).map { j in
                (0..<n).reduce(0) { $0 + v[$1][i] * hv[$1][j] } + rho * s[i] * s[j]
            } }
        }
        return (0..<n).map { i in -(0..<n).reduce(0) { $0 + h[i][$1] * gradient[$1] } }
    }

    @Test func emptyMemoryGivesSteepestDescent() {
        var history = LBFGS.History(dimension: 3, capacity: 4)
        var direction = [Double](repeating: 0, count: 3)
        history.writeDirection(for: [1, -2, 0.5], into: &direction)
        #expect(history.isEmpty)
        #expect(direction == [-1, 2, -0.5])
    }

    @Test func twoLoopRecursionMatchesDenseBFGSUpdate() {
        // Three pairs with positive curvature; capacity 2 keeps the last two.
        let points: [[Double]] = [[0, 0, 0], [1, 0.5, -0.2], [0.7, 1.1, 0.3], [1.5, 0.9, 1.0]]
        let gradients: [[Double]] = [[-3, 1, 2], [-0.5, 1.4, 1.2], [-1.0, 2.9, 2.5], [1.8, 2.2, 4.6]]
        var history = LBFGS.History(dimension: 3, capacity: 2)
        var pairs: [([Double], [Double])] = []
        for k in 0..<3 {
            let s = zip(points[k + 1], points[k]).map { $0 - $1 }
            let y = zip(gradients[k + 1], gradients[k]).map { $0 - $1 }
            #expect(zip(s, y).reduce(0) { $0 + $1.0 * $1.1 } > 0)
            let stored = history.record(oldPoint: points[k], newPoint: points[k + 1],
                                        oldGradient: gradients[k], newGradient: gradients[k + 1])
            #expect(stored)
            pairs.append((s, y))
        }
        #expect(history.count == 2)
        let g = [0.3, -0.7, 1.1]
        var direction = [Double](repeating: 0, count: 3)
        history.writeDirection(for: g, into: &direction)
        let expected = denseDirection(pairs: Array(pairs.suffix(2)), gradient: g)
        for i in 0..<3 { #expect(abs(direction[i] - expected[i]) <= 1e-12 * max(1, abs(expected[i]))) }
    }

    @Test func pairWithoutPositiveCurvatureIsSkipped() {
        var history = LBFGS.History(dimension: 2, capacity: 3)
        let first = history.record(oldPoint: [0, 0], newPoint: [1, 0], oldGradient: [-1, 0], newGradient: [1, 0])
        #expect(first)
        var before = [0.0, 0], after = [0.0, 0]
        history.writeDirection(for: [1, 1], into: &before)
        // s = (0, 1), y = (0, −1): sᵀy = −1 < 0.
        let negative = history.record(oldPoint: [1, 0], newPoint: [1, 1], oldGradient: [1, 0], newGradient: [1, -1])
        #expect(!negative)
        // s = (1, 0), y = 0: sᵀy = 0.
        let flat = history.record(oldPoint: [1, 1], newPoint: [2, 1], oldGradient: [1, -1], newGradient: [1, -1])
        #expect(!flat)
        history.writeDirection(for: [1, 1], into: &after)
        #expect(history.count == 1)
        #expect(after == before)
        // One pair s = (1, 0), y = (2, 0): H = diag(½, ½) (γ = ½, and the update keeps ½ along s).
        #expect(before == [-0.5, -0.5])
    }

    @Test func zeroCapacityNeverStores() {
        var history = LBFGS.History(dimension: 1, capacity: 0)
        let stored = history.record(oldPoint: [0], newPoint: [1], oldGradient: [0], newGradient: [1])
        #expect(!stored)
        var direction = [0.0]
        history.writeDirection(for: [2], into: &direction)
        #expect(direction == [-2])
    }
}
