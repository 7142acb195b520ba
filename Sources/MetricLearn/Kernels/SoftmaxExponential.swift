import _CSoftmax

/// exp(t) for the terms of the stochastic-neighbour softmax (`StochasticNeighbors`), where
/// t = (smallest distance) − (distance) ≤ 0.
///
/// Terms with t < −64·ln 2 (below 2⁻⁶⁴ of the row's largest term, which is 1) are flushed to 0, so the
/// dropped terms of a row change its sum (at least 1) by less than n·2⁻⁶⁴ relative. Otherwise
/// t = k·ln 2 + r with k = round(t / ln 2), |r| ≤ ln 2 / 2 (Cody–Waite reduction), e^r by its degree-12
/// Taylor polynomial (truncation error < 2⁻⁵² relative) evaluated by Estrin's scheme, and 2ᵏ built from
/// its bits; within 3 ulp of `exp` (the tests measure the worst case over [cutoff, 0]).
///
/// The function is C (`_CSoftmax`'s `csoftmax_exp`, inlined here): branch-free, free of libm calls and of fused
/// multiply-adds. Its loops over a row (`fill`) are compiled for AVX-512, AVX2 and the baseline, chosen when the
/// library loads: Swift compiles for the baseline's two lanes only, and the exponentials are half of an NCA
/// evaluation. Every version gives the same bits as the scalar function.
enum SoftmaxExponential {
    /// Arguments below this give 0.
    static let cutoff = -64 * 0.693_147_180_559_945_3

    /// Arguments below this give 0 in `wideValue` (e^t would be below the smallest normal double).
    static let wideCutoff = -708.0

    /// e^t, or 0 when t < `cutoff`.
    @inline(__always)
    static func value(_ t: Double) -> Double { csoftmax_exp(t, cutoff) }

    /// e^t for t ≤ 709, or 0 when t < `wideCutoff`, as accurate as `value`: for the terms that `StochasticNeighbors`
    /// splits into factors of very different sizes.
    @inline(__always)
    static func wideValue(_ t: Double) -> Double { csoftmax_exp(t, wideCutoff) }

    /// out[c] = e^(shift − distances[c]) for c < `count` (`value`, or `wideValue` when `wide`); `out` may be
    /// `distances`.
    static func fill(_ out: UnsafeMutablePointer<Double>, distances: UnsafePointer<Double>, shift: Double,
                     count: Int, wide: Bool = false) {
        csoftmax_exp_row(out, distances, shift, wide ? wideCutoff : cutoff, count)
    }

    /// out[c] = e^((shift + scale·shifts[c]) − distances[c]) for c < `count` (`value`, or `wideValue` when `wide`);
    /// `out` may be `distances`.
    static func fill(_ out: UnsafeMutablePointer<Double>, distances: UnsafePointer<Double>, shift: Double,
                     columnShifts shifts: UnsafePointer<Double>, scale: Double, count: Int, wide: Bool = false) {
        csoftmax_exp_columns(out, distances, shift, shifts, scale, wide ? wideCutoff : cutoff, count)
    }
}
