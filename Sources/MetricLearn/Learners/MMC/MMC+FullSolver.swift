#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The dissimilar pairs' term of full MMC, metric-learn's `_fD` and `_fD1`:
///
///   g(M) = log(Σᵢ √(vᵢᵀMvᵢ) + 10⁻⁶),   G(M) = Σᵢ vᵢvᵢᵀ / (2·(√(vᵢᵀMvᵢ) + 10⁻⁶)) / (Σᵢ √(vᵢᵀMvᵢ) + 10⁻⁶),
///
/// G being ∇g with each pair's 1/√ softened by 10⁻⁶ (metric-learn's choice; it differs from the exact gradient
/// by about 10⁻⁶ relative). The distances take one `dgemm` (V·M, O(m·d²)) and G one `dsyrk` of the rows scaled by
/// √(weight), so it is exactly symmetric. Squared distances that round-off leaves below 0 count as 0.
struct MMCDissimilarityTerm {
    /// The dissimilar pairs' differences, m×d.
    let differences: Matrix

    /// √(vᵢᵀMvᵢ) for each pair, M row-major d×d.
    func distances(_ metric: [Double]) -> [Double] {
        let (m, d) = (differences.rowCount, differences.columnCount)
        let image = differences * Matrix(rowCount: d, columnCount: d, elements: metric)
        return image.elements.withUnsafeBufferPointer { image in
            differences.elements.withUnsafeBufferPointer { rows in
                (0..<m).map { i in
                    var sum = 0.0
                    for j in (i * d)..<(i * d + d) { sum += image[j] * rows[j] }
                    return max(sum, 0).squareRoot()
                }
            }
        }
    }

    /// g from the pairs' distances.
    func value(distances: [Double]) -> Double { log(distances.reduce(0, +) + 1e-6) }

    /// G from the pairs' distances, row-major d×d.
    func gradient(distances: [Double]) -> [Double] {
        let d = differences.columnCount
        var scaled = differences.elements
        scaled.withUnsafeMutableBufferPointer { rows in
            for (i, distance) in distances.enumerated() {
                let root = (0.5 / (distance + 1e-6)).squareRoot()
                for j in (i * d)..<(i * d + d) { rows[j] *= root }
            }
        }
        let total = distances.reduce(0, +) + 1e-6
        return Matrix(rowCount: differences.rowCount, columnCount: d, elements: scaled).transposedTimesSelf()
            .elements.map { $0 / total }
    }
}

extension MMC {
    /// Full MMC: metric-learn 0.7's `_fit_full` cycles, with each cycle's projection computed exactly.
    ///
    /// 1. Project M onto {M ⪰ 0, Σ_S vᵀMv ≤ t}, the nearest such matrix in the Frobenius norm
    ///    (`PositiveSemidefiniteProjector`: Newton's method on the bound's multiplier, a few eigendecompositions),
    ///    evaluating at most `maxProjections` positive semidefinite projections. metric-learn alternates
    ///    projections onto the half-space and the cone until the sum is within 1 % of t; that takes tens to
    ///    thousands of eigendecompositions per cycle and stops at a feasible point that is not the nearest one.
    /// 2. If the projection is within 1 % of t and g rose (or in the first cycle), accept M, grow the step α by
    ///    5 % and step along G(M) made orthogonal to S and normalised; otherwise halve α and step from the last
    ///    accepted M.
    /// 3. Stop when ‖α·direction‖ / ‖M_accepted‖ < `tolerance`. The result is the last accepted M.
    ///
    /// Like metric-learn, the first direction (used only if the first cycle's projection fails) is S made
    /// orthogonal to G(M₀). A cycle costs O(m·d²) for g and G and O(d³) per evaluated projection.
    func fitFull(_ pairs: PairDifferences, start: Matrix, stopwatch: Stopwatch,
                 progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        let d = pairs.dimension
        let scatter = pairs.similar.transposedTimesSelf().elements
        let term = MMCDissimilarityTerm(differences: pairs.dissimilar)
        let bound = Self.dot(scatter, start.elements) / 100
        let scatterNorm = Self.norm(scatter)
        guard bound > 0 && bound.isFinite && scatterNorm > 0 && scatterNorm.isFinite && bound / scatterNorm > 0 else {
            throw .invalidData(what: "constraints.similar", value: "\(pairs.similar.rowCount) pairs",
                               requirement: "the similar pairs must have a positive distance under the starting "
                                   + "metric (every pair joins identical rows)")
        }

        var metric = start.elements
        var accepted = metric
        let startDistances = term.distances(accepted)
        var acceptedValue = term.value(distances: startDistances)
        var direction = try Self.orthogonalDirection(scatter, to: term.gradient(distances: startDistances))
        var step = 0.1
        var projector = PositiveSemidefiniteProjector(weights: Matrix(rowCount: d, columnCount: d, elements: scatter),
                                                      bound: bound)
        var history = [acceptedValue]
        var cycles = 0, projections = 0, change = Double.infinity

        for cycle in 0..<maxIterations {
            cycles = cycle + 1
            let projection: PositiveSemidefiniteProjector.Projection
            do {
                projection = try projector.project(&metric, maxEvaluations: maxProjections, tolerance: 1e-6,
                                                   acceptance: 0.01)
            } catch { throw .linearAlgebra(error) }
            projections += projection.evaluations
            let satisfied = projection.isWithinBound
            let distances = term.distances(metric)
            let value = term.value(distances: distances)
            if satisfied && (value > acceptedValue || cycle == 0) {
                step *= 1.05
                accepted = metric
                acceptedValue = value
                direction = try Self.orthogonalDirection(term.gradient(distances: distances), to: scatter)
                Self.add(step, times: direction, to: &metric)
            } else {
                step /= 2
                metric = accepted
                Self.add(step, times: direction, to: &metric)
            }
            change = step * Self.norm(direction) / Self.norm(accepted)
            history.append(acceptedValue)
            progress?(OptimizationProgress(iteration: cycles, value: acceptedValue, gradientNorm: change))
            if change < tolerance { break }
        }

        try IterativeFit.checkObjective(history, of: configuration)
        let mahalanobis = Matrix(rowCount: d, columnCount: d, elements: accepted)
        let report = FitReport(learner: configuration, iterations: cycles,
                               didConverge: change < tolerance, objectiveHistory: history,
                               fitSeconds: stopwatch.elapsedSeconds,
                               details: ["projections": Double(projections), "similarBound": bound,
                                         "similarPairCount": Double(pairs.similar.rowCount),
                                         "dissimilarPairCount": Double(pairs.dissimilar.rowCount)])
        return MahalanobisMetric(components: try mahalanobis.metricComponents(), report: report)
    }

    /// `gradient` minus its component along `other`, scaled to unit Frobenius norm (metric-learn's
    /// `_grad_projection`).
    ///
    /// - Throws: `invalidData` when either vanishes or they are parallel, so no direction is left.
    static func orthogonalDirection(_ gradient: [Double], to other: [Double]) throws(MetricLearnError) -> [Double] {
        let otherNorm = norm(other)
        let unit = other.map { $0 / otherNorm }
        let along = dot(gradient, unit)
        var direction = zip(gradient, unit).map { $0 - along * $1 }
        let norm = norm(direction)
        guard otherNorm > 0 && otherNorm.isFinite && norm > 0 && norm.isFinite else {
            throw .invalidData(what: "constraints", value: "pairs",
                               requirement: "the similar and dissimilar pairs leave no direction to improve the "
                                   + "metric (a kind whose pairs all join identical rows, or both kinds along the "
                                   + "same directions)")
        }
        for index in direction.indices { direction[index] /= norm }
        return direction
    }

    /// Σ aᵢbᵢ, in index order.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for index in 0..<a.count { sum += a[index] * b[index] }
                return sum
            }
        }
    }

    /// The Frobenius norm √(Σ aᵢ²), computed on a/max|aᵢ| so that neither squaring overflows nor underflows
    /// (features near 1e±150 give entries near 1e±300).
    static func norm(_ a: [Double]) -> Double {
        let largest = a.reduce(0) { max($0, abs($1)) }
        guard largest > 0 && largest.isFinite else { return largest }
        return a.withUnsafeBufferPointer { a in
            var sum = 0.0
            for index in 0..<a.count { sum += (a[index] / largest) * (a[index] / largest) }
            return largest * sum.squareRoot()
        }
    }

    /// y ← y + α·x.
    private static func add(_ alpha: Double, times x: [Double], to y: inout [Double]) {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                for index in 0..<y.count { y[index] += alpha * x[index] }
            }
        }
    }
}
