/// A line search for a step satisfying the strong Wolfe conditions along a descent direction.
///
/// With φ(α) = f(x + α·d) and φ′(0) < 0, an accepted step α satisfies
///
///     φ(α) ≤ φ(0) + c₁·α·φ′(0)        (sufficient decrease)
///     |φ′(α)| ≤ c₂·|φ′(0)|            (curvature)
///
/// It brackets an acceptable interval by extrapolating (Nocedal & Wright, Algorithm 3.5), then narrows it
/// with safeguarded cubic interpolation (Algorithm 3.6, "zoom"). A trial whose value or slope is not finite
/// counts as too far, like one without sufficient decrease, so the step shrinks away from it (by bisection,
/// since no cubic can pass through it).
struct StrongWolfeLineSearch {
    /// c₁ of the sufficient-decrease (Armijo) condition.
    var sufficientDecrease = 1e-4
    /// c₂ of the curvature condition.
    var curvature = 0.9
    /// The most evaluations of φ one search may spend.
    var maxEvaluations: Int

    /// φ and φ′ at one step.
    struct Trial {
        /// α.
        var step: Double
        /// φ(α).
        var value: Double
        /// φ′(α) = ∇f(x + α·d)ᵀd.
        var slope: Double

        /// Whether both the value and the slope are finite.
        var isFinite: Bool { value.isFinite && slope.isFinite }
    }

    /// Searches from `origin` (α = 0, finite, with a negative slope), trying `initialStep` first.
    ///
    /// `evaluate` returns φ and φ′ at a step. Returns the accepted trial, which is always the last one
    /// evaluated, or `nil` when the budget runs out, the bracket reaches rounding level, or the
    /// arguments admit no search (non-descent origin, non-positive initial step).
    func search(from origin: Trial, initialStep: Double, evaluate: (Double) -> Trial) -> Trial? {
        guard origin.isFinite, origin.slope < 0, initialStep > 0, initialStep.isFinite else { return nil }
        var evaluations = 0
        var previous = origin
        var step = initialStep
        while evaluations < maxEvaluations {
            let trial = evaluate(step)
            evaluations += 1
            if isTooFar(trial, from: origin) || (previous.step > 0 && trial.value >= previous.value) {
                return zoom(low: previous, high: trial, origin: origin, evaluations: &evaluations, evaluate: evaluate)
            }
            if satisfiesCurvature(trial, from: origin) { return checked(trial, from: origin) }
            if trial.slope >= 0 {
                return zoom(low: trial, high: previous, origin: origin, evaluations: &evaluations, evaluate: evaluate)
            }
            step = extrapolatedStep(from: previous, to: trial)
            guard step.isFinite else { return nil }
            previous = trial
        }
        return nil
    }

    /// Algorithm 3.6: `low` is the best step so far with sufficient decrease, and the interval between
    /// `low` and `high` contains strong-Wolfe steps (φ′(low)·(high − low) < 0).
    ///
    /// Gives up once the bracket is at rounding level: when its width is below one ulp of its steps, or
    /// when no step in it can lower f, to first order, by more than one ulp of φ(0) (|φ′(0)|·α ≤ ε·|φ(0)|),
    /// so that the values can no longer tell a decrease from rounding noise.
    private func zoom(low: Trial, high: Trial, origin: Trial, evaluations: inout Int,
                      evaluate: (Double) -> Trial) -> Trial? {
        var low = low, high = high
        var width = Double.infinity, previousWidth = Double.infinity
        while evaluations < maxEvaluations {
            let farthest = max(low.step, high.step)
            guard (high.step - low.step).magnitude > Double.ulpOfOne * farthest,
                  -origin.slope * farthest > Double.ulpOfOne * origin.value.magnitude else { return nil }
            // Moré–Thuente's safeguard: bisect when two trials have not shrunk the bracket to 2/3 of its width.
            let currentWidth = (high.step - low.step).magnitude
            let step = currentWidth >= 0.66 * previousWidth
                ? low.step + 0.5 * (high.step - low.step) : interpolatedStep(between: low, and: high)
            (previousWidth, width) = (width, currentWidth)
            let trial = evaluate(step)
            evaluations += 1
            if isTooFar(trial, from: origin) || trial.value >= low.value {
                high = trial
            } else {
                if satisfiesCurvature(trial, from: origin) { return checked(trial, from: origin) }
                if trial.slope * (high.step - low.step) >= 0 { high = low }
                low = trial
            }
        }
        return nil
    }

    /// Whether `trial` is non-finite or lacks sufficient decrease.
    private func isTooFar(_ trial: Trial, from origin: Trial) -> Bool {
        !trial.isFinite || trial.value > origin.value + sufficientDecrease * trial.step * origin.slope
    }

    /// Whether `trial` satisfies the strong curvature condition.
    private func satisfiesCurvature(_ trial: Trial, from origin: Trial) -> Bool {
        trial.slope.magnitude <= -curvature * origin.slope
    }

    /// The next step beyond `current` while φ still falls steeply, within [current + 1.1·Δ, current + 4·Δ],
    /// Δ = current − previous (the Moré–Thuente extrapolation bounds): the upper bound when φ falls at least
    /// as steeply as at `previous` (as `dcstep` does) or the cubic through both trials has no minimiser
    /// ahead, otherwise that minimiser.
    private func extrapolatedStep(from previous: Trial, to current: Trial) -> Double {
        let growth = current.step - previous.step
        let lower = current.step + 1.1 * growth, upper = current.step + 4 * growth
        guard current.slope.magnitude < previous.slope.magnitude,
              let minimizer = cubicMinimizer(previous, current), minimizer > current.step else { return upper }
        return min(max(minimizer, lower), upper)
    }

    /// The next trial inside the bracket, chosen as Moré and Thuente's `dcstep` does: when `high` is higher
    /// than `low`, the minimiser of the cubic through both trials if it is nearer to `low` than the minimiser
    /// of the quadratic matching φ(low), φ′(low) and φ(high), else the midpoint of the two (the cubic alone
    /// when `high` is not higher). The result is kept 1% of the bracket away from its ends; the midpoint
    /// stands in when `high` is not finite or no interpolant has a minimiser.
    private func interpolatedStep(between low: Trial, and high: Trial) -> Double {
        let lower = min(low.step, high.step), upper = max(low.step, high.step)
        let midpoint = low.step + 0.5 * (high.step - low.step)
        guard high.isFinite else { return midpoint }
        let cubic = cubicMinimizer(low, high)
        var step = cubic ?? midpoint
        if high.value > low.value, let quadratic = quadraticMinimizer(low, high) {
            step = cubic.map { ($0 - low.step).magnitude < (quadratic - low.step).magnitude ? $0 : ($0 + quadratic) / 2 }
                ?? quadratic
        }
        let margin = 0.01 * (upper - lower)
        return step.isFinite ? min(max(step, lower + margin), upper - margin) : midpoint
    }

    /// The minimiser of the quadratic matching φ and φ′ at `a` and φ at `b`, or `nil` when it has none
    /// or it is not finite.
    private func quadraticMinimizer(_ a: Trial, _ b: Trial) -> Double? {
        let secantSlope = (b.value - a.value) / (b.step - a.step)
        let curvature = (secantSlope - a.slope) / (b.step - a.step)  // the quadratic's α² coefficient
        guard curvature > 0 else { return nil }
        let minimizer = a.step - a.slope / (2 * curvature)
        return minimizer.isFinite ? minimizer : nil
    }

    /// The local minimiser of the cubic matching value and slope at `a` and `b` (Nocedal & Wright eq. 3.59),
    /// or `nil` when it has none or it is not finite.
    private func cubicMinimizer(_ a: Trial, _ b: Trial) -> Double? {
        let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.step - b.step)
        let radicand = d1 * d1 - a.slope * b.slope
        guard radicand >= 0 else { return nil }
        let d2 = (b.step > a.step ? 1.0 : -1.0) * radicand.squareRoot()
        let minimizer = b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
        return minimizer.isFinite ? minimizer : nil
    }

    /// `trial`, after checking the strong Wolfe conditions when internal checks are compiled in.
    private func checked(_ trial: Trial, from origin: Trial) -> Trial {
        #if METRICLEARN_INTERNAL_CHECKS
        precondition(!isTooFar(trial, from: origin) && satisfiesCurvature(trial, from: origin),
                     "Accepted a step violating the strong Wolfe conditions")
        #endif
        return trial
    }
}
