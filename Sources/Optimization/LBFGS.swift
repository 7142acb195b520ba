/// The limited-memory BFGS minimiser (Liu & Nocedal 1989) with a strong Wolfe line search.
///
/// Each iteration computes the quasi-Newton direction dₖ = −Hₖ∇fₖ by the two-loop recursion over the last
/// `historySize` pairs (sᵢ, yᵢ), with initial scaling H⁰ = γI, γ = sᵀy / yᵀy of the newest pair. A pair
/// with sᵀy ≤ ε·yᵀy (ε the machine epsilon) is skipped. If dₖ is not a descent direction the memory is
/// cleared and dₖ = −∇fₖ. The line search (c₁ = 10⁻⁴, c₂ = 0.9, at most `maxLineSearchEvaluations`
/// evaluations) tries the step 1 first, or min(1, 1/‖dₖ‖₂) whenever the memory is empty (the first
/// iteration, after a reset). See Sources/MetricLearn/MetricLearn.docc/Algorithm-LBFGS.md.
///
/// Stop tests, checked in this order at the start point and after each iteration k → k + 1:
/// - `gradientTolerance`: stop when ‖∇f‖∞ ≤ `gradientTolerance` (scipy L-BFGS-B's `pgtol`). A start point
///   that already passes returns after 0 iterations; so does a 0-dimensional problem.
/// - `relativeTolerance`: stop when (fₖ − fₖ₊₁) / max(|fₖ|, |fₖ₊₁|, 1) ≤ `relativeTolerance`
///   (scipy's `ftol`). Not checked at the start point.
/// - `maxIterations`: stop after `maxIterations` iterations.
///
/// `report.didConverge` is `true` only for the `.gradientTolerance` and `.relativeTolerance` stops.
///
/// Non-finite values: if f or ∇f at the start point is not finite, `minimize` returns at once with
/// `.nonFiniteValue` (0 iterations, the start point unchanged). During the line search a trial point whose
/// value or gradient is not finite counts as too far: the step shrinks and the search goes on, so a
/// non-finite point is never accepted. When the line search fails (its budget runs out, or its bracket
/// reaches rounding level) even after a retry along −∇f with a cleared memory, the run stops with
/// `.lineSearchFailed` and returns the best point evaluated, which is never worse than the start. This
/// is also how a run ends whose `gradientTolerance` is tighter than the rounding of f lets it reach.
///
/// Parameters are stored as given and never trap: a `historySize` ≤ 0 gives steepest descent,
/// `maxIterations` ≤ 0 stops at the start point, `maxLineSearchEvaluations` ≤ 0 makes every line search
/// fail, and a negative tolerance is never met. Runs are deterministic: the same objective and start
/// give the same bits.
public struct LBFGS: Sendable, Hashable, Codable {
    /// The number of curvature pairs kept (m). Default 10.
    public var historySize: Int
    /// The most iterations (accepted steps) to take. Default 200.
    public var maxIterations: Int
    /// Stop when ‖∇f‖∞ ≤ this. Default 10⁻⁵.
    public var gradientTolerance: Double
    /// Stop when (fₖ − fₖ₊₁) / max(|fₖ|, |fₖ₊₁|, 1) ≤ this. Default 10⁻⁹.
    public var relativeTolerance: Double
    /// The most objective evaluations one line search may spend. Default 25.
    public var maxLineSearchEvaluations: Int

    /// A minimiser with the given settings, stored as given.
    public init(historySize: Int = 10, maxIterations: Int = 200, gradientTolerance: Double = 1e-5,
                relativeTolerance: Double = 1e-9, maxLineSearchEvaluations: Int = 25) {
        self.historySize = historySize
        self.maxIterations = maxIterations
        self.gradientTolerance = gradientTolerance
        self.relativeTolerance = relativeTolerance
        self.maxLineSearchEvaluations = maxLineSearchEvaluations
    }

    /// Minimises `objective` from `start`, which must have `objective.dimension` elements.
    ///
    /// `progress` is called once after each completed iteration with the iteration number, f, and ‖∇f‖₂.
    /// Apart from the start point, memory is allocated once up front: O(`historySize` · dimension).
    public func minimize(_ objective: some DifferentiableObjective, from start: [Double],
                         progress: ((OptimizationProgress) -> Void)? = nil) -> OptimizationResult {
        let dimension = objective.dimension
        precondition(start.count == dimension,
                     "Start point has \(start.count) elements, the objective's dimension is \(dimension)")
        var point = start
        var gradient = [Double](repeating: 0, count: dimension)
        var value = objective.valueAndGradient(at: point, gradient: &gradient)
        var evaluations = 1
        var iterations = 0
        var objectiveHistory = [value]

        func finish(_ reason: StopReason) -> OptimizationResult {
            OptimizationResult(
                point: point, value: value, gradient: gradient,
                report: OptimizationReport(iterations: iterations, evaluations: evaluations, stopReason: reason,
                                           objectiveHistory: objectiveHistory,
                                           finalGradientNorm: gradient.infinityNorm))
        }

        guard value.isFinite, gradient.infinityNorm.isFinite else { return finish(.nonFiniteValue) }
        if dimension == 0 || gradient.infinityNorm <= gradientTolerance { return finish(.gradientTolerance) }
        if maxIterations <= 0 { return finish(.maxIterations) }

        objectiveHistory.reserveCapacity(min(maxIterations, 10_000) + 1)
        var memory = History(dimension: dimension, capacity: historySize)
        var direction = [Double](repeating: 0, count: dimension)
        var trialPoint = direction, trialGradient = direction
        var bestPoint = direction, bestGradient = direction
        let lineSearch = StrongWolfeLineSearch(maxEvaluations: maxLineSearchEvaluations)

        while true {
            memory.writeDirection(for: gradient, into: &direction)
            if !(direction.dot(gradient) < 0) {
                memory.reset()
                memory.writeDirection(for: gradient, into: &direction)
            }

            // Line search along `direction`, remembering the lowest finite trial in case it fails.
            var bestValue = value
            var accepted: StrongWolfeLineSearch.Trial?
            while true {
                let initialStep = memory.isEmpty ? min(1, 1 / direction.euclideanNorm) : 1
                let origin = StrongWolfeLineSearch.Trial(step: 0, value: value, slope: direction.dot(gradient))
                accepted = lineSearch.search(from: origin, initialStep: initialStep) { step in
                    evaluations += 1
                    Self.move(from: point, by: step, along: direction, into: &trialPoint)
                    let trialValue = objective.valueAndGradient(at: trialPoint, gradient: &trialGradient)
                    let trial = StrongWolfeLineSearch.Trial(step: step, value: trialValue,
                                                           slope: trialGradient.dot(direction))
                    if trial.isFinite && trialValue < bestValue {
                        bestValue = trialValue
                        bestPoint.replaceContents(with: trialPoint)
                        bestGradient.replaceContents(with: trialGradient)
                    }
                    return trial
                }
                if accepted != nil || memory.isEmpty { break }
                memory.reset()  // retry once along −∇f, as L-BFGS-B does
                memory.writeDirection(for: gradient, into: &direction)
            }
            guard let accepted else {
                if bestValue < value {
                    swap(&point, &bestPoint)
                    swap(&gradient, &bestGradient)
                    value = bestValue
                }
                return finish(.lineSearchFailed)
            }

            // The accepted trial is the last one evaluated: it sits in trialPoint and trialGradient.
            _ = memory.record(oldPoint: point, newPoint: trialPoint, oldGradient: gradient, newGradient: trialGradient)
            swap(&point, &trialPoint)
            swap(&gradient, &trialGradient)
            let previousValue = value
            value = accepted.value
            iterations += 1
            objectiveHistory.append(value)
            #if METRICLEARN_INTERNAL_CHECKS
            precondition(value <= previousValue && value.isFinite, "L-BFGS accepted a step that increased f")
            #endif
            progress?(OptimizationProgress(iteration: iterations, value: value, gradientNorm: gradient.euclideanNorm))

            if gradient.infinityNorm <= gradientTolerance { return finish(.gradientTolerance) }
            let scale = max(previousValue.magnitude, value.magnitude, 1)
            if (previousValue - value) / scale <= relativeTolerance { return finish(.relativeTolerance) }
            if iterations >= maxIterations { return finish(.maxIterations) }
        }
    }

    /// `destination` ← `point` + `step`·`direction`.
    private static func move(from point: [Double], by step: Double, along direction: [Double],
                             into destination: inout [Double]) {
        point.withUnsafeBufferPointer { x in
            direction.withUnsafeBufferPointer { d in
                destination.withUnsafeMutableBufferPointer { y in
                    for i in 0..<y.count { y[i] = x[i] + step * d[i] }
                }
            }
        }
    }
}
