/// Central finite differences, for checking analytic gradients in tests.
public enum FiniteDifferences {
    /// The gradient of `objective` at `point` by central differences, (f(x + hεᵢ) − f(x − hεᵢ)) / 2h,
    /// with h = `step` · max(1, |xᵢ|). Costs 2·dimension evaluations.
    public static func gradient(of objective: some DifferentiableObjective, at point: [Double],
                                step: Double = 1e-6) -> [Double] {
        var scratch = [Double](repeating: 0, count: objective.dimension)
        var probe = point
        return point.indices.map { i in
            let h = step * max(1, abs(point[i]))
            probe[i] = point[i] + h
            let forward = objective.valueAndGradient(at: probe, gradient: &scratch)
            probe[i] = point[i] - h
            let backward = objective.valueAndGradient(at: probe, gradient: &scratch)
            probe[i] = point[i]
            return (forward - backward) / (2 * h)
        }
    }

    /// ‖a − b‖ / max(‖a‖, ‖b‖), or 0 when both are zero: the relative error of two gradients.
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "Vectors differ in length")
        func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let scale = max(norm(a), norm(b))
        return scale == 0 ? 0 : norm(zip(a, b).map { $0 - $1 }) / scale
    }
}
