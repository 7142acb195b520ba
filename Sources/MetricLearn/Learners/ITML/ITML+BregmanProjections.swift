#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ITML {
    /// Runs the cyclic Bregman projections on validated data and constraints and wraps the result.
    func project(_ x: Matrix, constraints: PairConstraints, stopwatch: Stopwatch,
                 progress: ((OptimizationProgress) -> Void)?) throws(MetricLearnError) -> MahalanobisMetric {
        try Validation.checkSquaredScale(x)
        let d = Double(x.columnCount)
        try MemoryBudget.require(doubles: 8 * d * d + Double(constraints.count) * d,
                                 for: "itml on \(x.columnCount) features (\(x.columnCount)×\(x.columnCount) matrices)",
                                 remedies: [.fewerFeatures])
        let prior = try PriorMetric(resolving: self.prior, for: x)
        var solver = BregmanSolver(x, constraints: constraints, prior: prior.matrix)
        guard solver.constraintCount > 0 else {
            throw .invalidData(what: "constraints", value: "\(constraints.count) pairs",
                               requirement: "every pair joins two identical rows; at least one pair of distinct rows is needed")
        }
        let (lower, upper) = resolvedBounds(priorSquaredDistances: solver.priorSquaredDistances)
        solver.setTargets(lower: lower, upper: upper)

        var history = [solver.objective(slack: slack, prior: prior)]
        var sweeps = 0
        var didConverge = false
        while sweeps < maxIterations {
            let change = solver.sweep(slack: slack)
            sweeps += 1
            history.append(solver.objective(slack: slack, prior: prior))
            progress?(OptimizationProgress(iteration: sweeps, value: history[sweeps], gradientNorm: change))
            if change < tolerance { didConverge = true; break }
        }
        try IterativeFit.checkObjective(history, of: configuration)
        guard solver.metric.isFinite else {
            throw Validation.featureScale("itml's updates of M overflow Double; standardise the features or give bounds "
                                              + "near their squared distances under the prior")
        }

        // The rank-one updates shrink M₀ by cancellation, so M keeps about ε·tr(M₀)/tr(M) of relative
        // precision: when the bounds ask for distances far below the prior's (features on a scale ≫ 1 with
        // the identity prior), M is round-off of M₀, or exactly 0. Refuse once half the digits are gone.
        let shrinkage = solver.metric.trace / prior.matrix.trace
        guard shrinkage > Double.ulpOfOne.squareRoot() else {
            throw Validation.featureScale(
                "the bounds ask for distances so far below the prior's that M is lost to round-off "
                    + "(its trace fell to \(shrinkage) of the prior's); standardise the features or give bounds "
                    + "near their squared distances under the prior")
        }
        let components = try solver.metric.metricComponents()
        let report = FitReport(learner: configuration, iterations: sweeps, didConverge: didConverge,
                               objectiveHistory: history, fitSeconds: stopwatch.elapsedSeconds,
                               details: ["lowerBound": lower, "upperBound": upper,
                                         "similarPairCount": Double(solver.similarCount),
                                         "dissimilarPairCount": Double(solver.constraintCount - solver.similarCount),
                                         "skippedPairCount": Double(constraints.count - solver.constraintCount)])
        return MahalanobisMetric(components: components, report: report)
    }

    /// The given bounds, or the 5th and 95th percentiles (linear interpolation, as `numpy.percentile`)
    /// of the prior distances √(vᵀM₀v) of the constrained pairs, used as bounds on squared distances.
    ///
    /// Percentiles of distances (not squared distances) as squared-distance bounds is metric-learn's rule;
    /// it asks for a moderate gap (0.5 to 4.7 on standardised iris). Percentiles of squared distances ask for a
    /// far wider one (0.26 to 20) and fit worse (3-NN accuracy on wine 0.975 against 0.984).
    private func resolvedBounds(priorSquaredDistances: [Double]) -> (lower: Double, upper: Double) {
        switch bounds {
        case let .given(lower, upper):
            return (lower, upper)
        case .automatic:
            let sorted = priorSquaredDistances.map { $0.squareRoot() }.sorted()
            func percentile(_ q: Double) -> Double {
                let position = q / 100 * Double(sorted.count - 1)
                let below = Int(position.rounded(.down))
                let above = min(below + 1, sorted.count - 1)
                return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
            }
            return (percentile(5), percentile(95))
        }
    }
}

/// The prior M₀ with what the objective needs of it: M₀⁻¹ and log det M₀.
private struct PriorMetric {
    let matrix: Matrix
    let inverse: Matrix
    let logDeterminant: Double

    init(resolving prior: ITML.Prior, for x: Matrix) throws(MetricLearnError) {
        let d = x.columnCount
        let candidate: Matrix
        switch prior {
        case .identity: candidate = .identity(d)
        case let .matrix(given): candidate = given.symmetrized()
        case .covariance:
            guard x.rowCount > d else {
                throw .invalidData(what: "features", value: "\(d) features for \(x.rowCount) samples",
                                   requirement: "the covariance prior needs more samples than features; use the "
                                       + "identity prior")
            }
            candidate = x.covariance()
        }
        let decomposition: SymmetricEigendecomposition
        do { decomposition = try SymmetricEigendecomposition(candidate) } catch { throw .linearAlgebra(error) }
        guard decomposition.rank() == d, let smallest = decomposition.eigenvalues.first, smallest > 0 else {
            guard prior == .covariance else {
                throw .invalidParameter(name: "prior", value: "matrix", requirement: "must be positive definite")
            }
            throw .invalidData(what: "features", value: "their covariance",
                               requirement: "is singular (constant or collinear features), and the covariance prior "
                                   + "inverts it; use the identity prior")
        }
        let logSum = decomposition.eigenvalues.reduce(0) { $0 + log($1) }
        if prior == .covariance {
            matrix = decomposition.reconstructed { 1 / $0 }
            inverse = candidate
            logDeterminant = -logSum
        } else {
            matrix = candidate
            inverse = decomposition.reconstructed { 1 / $0 }
            logDeterminant = logSum
        }
    }
}

/// The state of the cyclic projections: M, one dual variable λ and one slack target ξ per constraint.
private struct BregmanSolver {
    let dimension: Int
    /// Difference vectors xᵢ − xⱼ of the usable pairs (similar first), row-major count × d.
    let differences: [Double]
    let similarCount: Int
    let constraintCount: Int
    /// (xᵢ − xⱼ)ᵀ M₀ (xᵢ − xⱼ) for each usable pair.
    let priorSquaredDistances: [Double]
    private var metricElements: [Double]
    private var lambda: [Double]
    private var previousLambda: [Double]
    private var initialTargets: [Double] = []
    private var targets: [Double] = []
    private var scratch: [Double]

    /// Keeps the pairs whose rows differ (a pair of identical rows has no direction to act on).
    init(_ x: Matrix, constraints: PairConstraints, prior: Matrix) {
        let d = x.columnCount
        var differences: [Double] = []
        differences.reserveCapacity(constraints.count * d)
        var similarCount = 0
        for (isSimilar, pairs) in [(true, constraints.similar), (false, constraints.dissimilar)] {
            for pair in pairs {
                let difference = (0..<d).map { x[pair.first, $0] - x[pair.second, $0] }
                guard difference.contains(where: { $0 != 0 }) else { continue }
                differences.append(contentsOf: difference)
                if isSimilar { similarCount += 1 }
            }
        }
        let count = differences.count / max(d, 1)
        let differenceMatrix = Matrix(rowCount: count, columnCount: d, elements: differences)
        let projected = differenceMatrix * prior
        priorSquaredDistances = (0..<count).map { c in (0..<d).reduce(0) { $0 + projected[c, $1] * differenceMatrix[c, $1] } }
        dimension = d
        self.differences = differences
        self.similarCount = similarCount
        constraintCount = count
        metricElements = prior.elements
        lambda = [Double](repeating: 0, count: count)
        previousLambda = lambda
        scratch = [Double](repeating: 0, count: 2 * d)
    }

    /// The current M.
    var metric: Matrix { Matrix(rowCount: dimension, columnCount: dimension, elements: metricElements) }

    /// ξ starts at `lower` for similar pairs and at `upper` for dissimilar pairs.
    mutating func setTargets(lower: Double, upper: Double) {
        initialTargets = (0..<constraintCount).map { $0 < similarCount ? lower : upper }
        targets = initialTargets
    }

    /// One pass over all constraints in order; returns Σ|λ − λ_prev| / (‖λ‖₂ + ‖λ_prev‖₂) (0 when both vanish).
    ///
    /// For constraint c with δ = +1 (similar) or −1 (dissimilar), p = vᵀMv:
    /// α = min(λ_c, δ·γ/(γ+1)·(1/p − 1/ξ_c)), λ_c ← λ_c − α, β = δα/(1 − δαp),
    /// ξ_c ← 1/(1/ξ_c + δα/γ), M ← M + β·(Mv)(Mv)ᵀ. O(d²) per constraint, no allocation.
    ///
    /// Two savings that leave the result bit for bit as the plain loop gives it (up to the sign of an entry
    /// that is exactly zero): the update is skipped when β = 0 (a satisfied constraint with λ_c = 0), and
    /// otherwise it makes the same pass over M that forms the next constraint's M·v from the updated rows,
    /// so M is read once per constraint instead of twice.
    mutating func sweep(slack: Double) -> Double {
        let d = dimension
        let count = lambda.count
        let similarCount = similarCount
        let projectionWeight = slack / (slack + 1)
        for c in 0..<count { previousLambda[c] = lambda[c] }
        metricElements.withUnsafeMutableBufferPointer { m in
            differences.withUnsafeBufferPointer { v in
                scratch.withUnsafeMutableBufferPointer { s in
                    guard let m = m.baseAddress, let v = v.baseAddress, let s = s.baseAddress, count > 0 else { return }
                    var w = s, next = s + d
                    Self.multiply(m, v, into: w, dimension: d)
                    for c in 0..<count {
                        let vc = v + c * d
                        var p = 0.0
                        for r in 0..<d { p += vc[r] * w[r] }
                        var beta = 0.0
                        if p > 0, p.isFinite {
                            let delta = c < similarCount ? 1.0 : -1.0
                            let alpha = min(lambda[c], delta * projectionWeight * (1 / p - 1 / targets[c]))
                            lambda[c] -= alpha
                            beta = delta * alpha / (1 - delta * alpha * p)
                            targets[c] = 1 / (1 / targets[c] + delta * alpha / slack)
                        }
                        let following: UnsafePointer<Double>? = c + 1 < count ? v + (c + 1) * d : nil
                        if beta != 0 {
                            Self.addOuterProduct(of: w, scaledBy: beta, to: m, multiplying: following, into: next,
                                                 dimension: d)
                        } else if let following {
                            Self.multiply(m, following, into: next, dimension: d)
                        }
                        swap(&w, &next)
                    }
                }
            }
        }

        var change = 0.0, norm = 0.0, previousNorm = 0.0
        for c in 0..<count {
            change += abs(lambda[c] - previousLambda[c])
            norm += lambda[c] * lambda[c]
            previousNorm += previousLambda[c] * previousLambda[c]
        }
        let scale = norm.squareRoot() + previousNorm.squareRoot()
        return scale > 0 ? change / scale : 0
    }

    /// w ← M·v for the symmetric d×d matrix `m`, as Σᵣ vᵣ·(row r) summed in row order. Rows go four at a
    /// time with the partial sums held in registers (the same additions in the same order as one row at a
    /// time), which the compiler vectorises.
    @inline(__always)
    private static func multiply(_ m: UnsafeMutablePointer<Double>, _ v: UnsafePointer<Double>,
                                 into w: UnsafeMutablePointer<Double>, dimension d: Int) {
        w.update(repeating: 0, count: d)
        var r = 0
        while r + 4 <= d {
            let row0 = m + r * d, row1 = row0 + d, row2 = row1 + d, row3 = row2 + d
            let v0 = v[r], v1 = v[r + 1], v2 = v[r + 2], v3 = v[r + 3]
            for j in 0..<d {
                var sum = w[j]
                sum += v0 * row0[j]
                sum += v1 * row1[j]
                sum += v2 * row2[j]
                sum += v3 * row3[j]
                w[j] = sum
            }
            r += 4
        }
        while r < d {
            let row = m + r * d
            let vr = v[r]
            for j in 0..<d { w[j] += vr * row[j] }
            r += 1
        }
    }

    /// M ← M + β·w·wᵀ, each element as β·(wᵣ·wⱼ): the product commutes exactly, so M stays exactly symmetric.
    /// With `following` = u, also `next` ← (updated M)·u in the same pass, summed as `multiply` sums.
    @inline(__always)
    private static func addOuterProduct(of w: UnsafeMutablePointer<Double>, scaledBy beta: Double,
                                        to m: UnsafeMutablePointer<Double>, multiplying following: UnsafePointer<Double>?,
                                        into next: UnsafeMutablePointer<Double>, dimension d: Int) {
        guard let u = following else {
            for r in 0..<d {
                let row = m + r * d
                let wr = w[r]
                for j in 0..<d { row[j] += beta * (wr * w[j]) }
            }
            return
        }
        next.update(repeating: 0, count: d)
        var r = 0
        while r + 4 <= d {
            let row0 = m + r * d, row1 = row0 + d, row2 = row1 + d, row3 = row2 + d
            let w0 = w[r], w1 = w[r + 1], w2 = w[r + 2], w3 = w[r + 3]
            let u0 = u[r], u1 = u[r + 1], u2 = u[r + 2], u3 = u[r + 3]
            for j in 0..<d {
                let wj = w[j]
                let x0 = row0[j] + beta * (w0 * wj)
                let x1 = row1[j] + beta * (w1 * wj)
                let x2 = row2[j] + beta * (w2 * wj)
                let x3 = row3[j] + beta * (w3 * wj)
                row0[j] = x0
                row1[j] = x1
                row2[j] = x2
                row3[j] = x3
                var sum = next[j]
                sum += u0 * x0
                sum += u1 * x1
                sum += u2 * x2
                sum += u3 * x3
                next[j] = sum
            }
            r += 4
        }
        while r < d {
            let row = m + r * d
            let wr = w[r]
            let ur = u[r]
            for j in 0..<d {
                let updated = row[j] + beta * (wr * w[j])
                row[j] = updated
                next[j] += ur * updated
            }
            r += 1
        }
    }

    /// The ITML objective D_ld(M, M₀) + γ·Σ_c D_ld(ξ_c, ξ₀_c), with the scalar D_ld(a, b) = a/b − log(a/b) − 1.
    ///
    /// log det M comes from a Cholesky factorisation; should round-off have left M barely indefinite, from the
    /// eigenvalues, each at least the smallest positive normal number, so the value stays finite (and encodable).
    func objective(slack: Double, prior: PriorMetric) -> Double {
        let d = dimension
        var trace = 0.0
        for index in 0..<(d * d) { trace += metricElements[index] * prior.inverse.elements[index] }
        let logDeterminant: Double
        if let factor = try? Cholesky(metric).lower {
            logDeterminant = (0..<d).reduce(0) { $0 + 2 * log(factor[$1, $1]) }
        } else {
            let eigenvalues = (try? SymmetricEigendecomposition(metric).eigenvalues) ?? []
            logDeterminant = eigenvalues.reduce(0) { $0 + log(max($1, .leastNormalMagnitude)) }
        }
        var slackTerm = 0.0
        for c in 0..<constraintCount {
            let ratio = targets[c] / initialTargets[c]
            slackTerm += ratio - log(ratio) - 1
        }
        return trace - logDeterminant + prior.logDeterminant - Double(d) + slack * slackTerm
    }
}
