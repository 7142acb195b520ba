/// Statistics of finite values that stay finite: a mean or a midpoint of numbers near ±1.7e308 is a finite number,
/// but summing them first overflows. Each helper does the usual arithmetic and falls back to an overflow-free form
/// only when that result is not finite, so ordinary data gets the same bits as before.
enum FiniteArithmetic {
    /// The mean of `values` (finite, not empty): Σv/n, or Σ(v/n) when the sum overflows.
    static func mean(_ values: some Collection<Double>) -> Double {
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        return mean.isFinite ? mean : values.reduce(0) { $0 + $1 / count }
    }

    /// (a + b) / 2 for finite a and b, without overflow.
    static func midpoint(_ a: Double, _ b: Double) -> Double {
        let midpoint = (a + b) / 2
        return midpoint.isFinite ? midpoint : a / 2 + b / 2
    }

    /// The power of two 2^k (k ≥ 0) that brings the largest magnitude in `values` below 2: dividing by it is exact
    /// for every value that does not become subnormal, so statistics computed on the scaled values and multiplied
    /// back are those of the values, without overflow.
    static func scale(of values: some Collection<Double>) -> Double {
        let largest = values.reduce(0) { max($0, abs($1)) }
        return largest >= 2 ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
    }

    /// `value` clamped to Double's finite range.
    static func clamped(_ value: Double) -> Double {
        min(max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
    }
}
