#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The dissimilar pairs' term of diagonal MMC, M = diag(w), with uᵢ = vᵢ∘vᵢ (metric-learn's `_D_constraint`):
///
///   h(w) = log Σᵢ √(uᵢ·w),   ∇h = Σᵢ uᵢ / (2·max(√(uᵢ·w), 10⁻⁶)) / Σ,
///   ∇²h = −Σᵢ uᵢuᵢᵀ / (4·max(10⁻⁶, (uᵢ·w)^{3/2})) / Σ − ∇h·∇hᵀ,
///
/// with Σ = Σᵢ √(uᵢ·w), exact wherever every distance exceeds 10⁻⁶; and the line search's value
/// log Σᵢ √(uᵢ·w + 10⁻⁶) (metric-learn's `_D_objective`). O(m·d) for h and ∇h, O(m·d²) for ∇²h.
struct MMCDiagonalTerm {
    /// uᵢ = vᵢ∘vᵢ, m×d.
    let squaredDifferences: Matrix

    /// h(w), ∇h(w) and ∇²h(w) (row-major d×d).
    func evaluate(_ w: [Double]) -> (value: Double, gradient: [Double], hessian: [Double]) {
        let d = squaredDifferences.columnCount
        let distances = (squaredDifferences * w).map { $0.squareRoot() }
        let total = distances.reduce(0, +)
        let firstWeights = distances.map { 0.5 / max($0, 1e-6) }
        let firstSum = squaredDifferences.transposedTimes(firstWeights)
        var scaled = squaredDifferences.elements
        scaled.withUnsafeMutableBufferPointer { rows in
            for (i, distance) in distances.enumerated() {
                let root = (1 / (4 * max(1e-6, distance * distance * distance))).squareRoot()
                for j in (i * d)..<(i * d + d) { rows[j] *= root }
            }
        }
        let curvature = Matrix(rowCount: squaredDifferences.rowCount, columnCount: d, elements: scaled)
            .transposedTimesSelf().elements
        var hessian = [Double](repeating: 0, count: d * d)
        for r in 0..<d {
            for c in 0..<d {
                hessian[r * d + c] = -curvature[r * d + c] / total - firstSum[r] * firstSum[c] / (total * total)
            }
        }
        return (log(total), firstSum.map { $0 / total }, hessian)
    }

    /// log Σᵢ √(uᵢ·w + 10⁻⁶), what the line search compares.
    func searchValue(_ w: [Double]) -> Double {
        log((squaredDifferences * w).reduce(0) { $0 + ($1 + 1e-6).squareRoot() })
    }
}

extension MMC {
    /// Diagonal MMC, iteration for iteration as metric-learn 0.7's `_fit_diag`: with s = Σ_S v∘v and C the
    /// `dissimilarityWeight`, each iteration solves (−C·∇²h + 10⁻⁶·I)·δ = s − C·∇h, then halves λ from 1 while
    /// s·w(λ) + C·log Σ √(u·w(λ) + 10⁻⁶) keeps falling, w(λ) = max(0, w − λδ), and keeps the last w(λ) that
    /// lowered it. It stops when the relative change of that value falls below `tolerance` or after
    /// `maxIterations`.
    ///
    /// metric-learn's Newton direction is that of s·w − C·h(w) while its line search lowers s·w + C·h(w) (the
    /// sign of the second term differs); this follows it so the weights agree. Where metric-learn's fit ends in
    /// NaNs — a step that sets the weights so that every dissimilar pair is at distance 0 — this one stops
    /// before that step, keeps the last weights, and reports `collapsed` = 1 and no convergence.
    func fitDiagonal(_ pairs: PairDifferences, start: Matrix, stopwatch: Stopwatch,
                     progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let d = pairs.dimension
        let similarSum = pairs.similar.hadamard(pairs.similar).transposedTimes([Double](repeating: 1, count: pairs.similar.rowCount))
        let term = MMCDiagonalTerm(squaredDifferences: pairs.dissimilar.hadamard(pairs.dissimilar))
        let weight = dissimilarityWeight ?? 1
        var w = (0..<d).map { start[$0, $0] }
        var history: [Double] = []
        var iterations = 0, change = 1.0

        var collapsed = false
        while change > tolerance && iterations < maxIterations {
            let (value, gradient, hessian) = term.evaluate(w)
            guard value.isFinite else {
                throw .invalidData(what: "constraints.dissimilar", value: "\(pairs.dissimilar.rowCount) pairs",
                                   requirement: "every dissimilar pair is at distance 0 under the starting metric")
            }
            let initial = Self.dot(similarSum, w) + weight * value
            var system = Matrix(rowCount: d, columnCount: d, elements: hessian.map { -weight * $0 })
            for j in 0..<d { system[j, j] += 1e-6 }
            let newtonStep: [Double]
            do {
                newtonStep = try system.solve(Matrix(rowCount: d, columnCount: 1,
                                                     elements: zip(similarSum, gradient).map { $0 - weight * $1 }))
                    .elements
            } catch { throw .linearAlgebra(error) }
            let (next, nextValue) = try lineSearch(from: w, step: newtonStep) { candidate in
                Self.dot(similarSum, candidate) + weight * term.searchValue(candidate)
            }
            // A step that puts every dissimilar pair at distance 0 ends metric-learn's fit in NaNs; stop before it
            // and keep the last metric that still separates them.
            guard (term.squaredDifferences * next).contains(where: { $0 > 0 }) else {
                collapsed = true
                break
            }
            w = next
            change = abs((nextValue - initial) / nextValue)
            iterations += 1
            history.append(nextValue)
            progress?(OptimizationProgress(iteration: iterations, value: nextValue, gradientNorm: change))
        }

        try IterativeFit.checkObjective(history, of: configuration)
        var components = Matrix(rowCount: d, columnCount: d)
        for j in 0..<d { components[j, j] = w[j].squareRoot() }
        let report = FitReport(learner: configuration, iterations: iterations,
                               didConverge: change <= tolerance && !collapsed, objectiveHistory: history,
                               fitSeconds: stopwatch.elapsedSeconds,
                               details: ["similarPairCount": Double(pairs.similar.rowCount),
                                         "dissimilarPairCount": Double(pairs.dissimilar.rowCount),
                                         "collapsed": collapsed ? 1 : 0])
        return MahalanobisMetric(components: components, report: report)
    }

    /// metric-learn's halving search: from λ = 1, halve λ while the value of w(λ) = max(0, w − λ·step) keeps
    /// falling, and return the last w(λ) that lowered it, with its value.
    ///
    /// - Throws: `invalidData` (features) when a value is not finite (features far from unit scale).
    private func lineSearch(from w: [Double], step: [Double], value: ([Double]) -> Double)
        throws(MetricLearnError) -> (w: [Double], value: Double) {
        func trial(_ lambda: Double) throws(MetricLearnError) -> (w: [Double], value: Double) {
            let candidate = w.indices.map { max(0, w[$0] - lambda * step[$0]) }
            let result = value(candidate)
            guard result.isFinite else {
                throw Validation.featureScale("the diagonal MMC objective is not finite on them; standardise the features")
            }
            return (candidate, result)
        }
        var lambda = 1.0
        var current = try trial(lambda)
        var best = (w: w, value: Double.infinity)
        while current.value < best.value {
            best = current
            lambda /= 2
            current = try trial(lambda)
        }
        return best
    }
}
