/// exp(t) for the terms of the stochastic-neighbour softmax (`StochasticNeighbors`), where
/// t = (smallest distance) − (distance) ≤ 0.
///
/// Terms with t < −64·ln 2 (below 2⁻⁶⁴ of the row's largest term, which is 1) are flushed to 0, so the
/// dropped terms of a row change its sum (at least 1) by less than n·2⁻⁶⁴ relative. Otherwise
/// t = k·ln 2 + r with k = round(t / ln 2), |r| ≤ ln 2 / 2 (Cody–Waite reduction), e^r by its degree-12
/// Taylor polynomial (truncation error < 2⁻⁵² relative) evaluated by Estrin's scheme, and 2ᵏ built from
/// its bits. Branch-free and free of libm calls, so the compiler vectorises a loop of them; within 3 ulp
/// of `exp` (the tests measure the worst case over [cutoff, 0]).
enum SoftmaxExponential {
    /// Arguments below this give 0.
    static let cutoff = -64 * 0.693_147_180_559_945_3

    /// Arguments below this give 0 in `wideValue` (e^t would be below the smallest normal double).
    static let wideCutoff = -708.0

    /// e^t, or 0 when t < `cutoff`.
    @inline(__always)
    static func value(_ t: Double) -> Double { exponential(t, cutoff: cutoff) }

    /// e^t for t ≤ 709, or 0 when t < `wideCutoff`, as accurate as `value`: for the terms that `StochasticNeighbors`
    /// splits into factors of very different sizes.
    @inline(__always)
    static func wideValue(_ t: Double) -> Double { exponential(t, cutoff: wideCutoff) }

    @inline(__always)
    private static func exponential(_ t: Double, cutoff: Double) -> Double {
        let clamped = max(t, cutoff)
        let shifter = 0x1.8p52                                   // adding it rounds to an integer in the low bits
        let shifted = clamped * 1.442_695_040_888_963_4 + shifter  // t / ln 2 + 1.5·2⁵²
        let k = shifted - shifter
        let r = (clamped - k * 0x1.62e42fee00000p-1) - k * 0x1.a39ef35793c76p-33   // ln 2 split hi + lo
        // Estrin's scheme (a dependency chain of depth 4 instead of 12), adding the leading 1 last.
        let r2 = r * r
        let r4 = r2 * r2
        let low = (r + r2 * (1.0 / 2 + r * (1.0 / 6)))
            + r4 * ((1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720 + r * (1.0 / 5_040)))
        let high = ((1.0 / 40_320 + r * (1.0 / 362_880)) + r2 * (1.0 / 3_628_800 + r * (1.0 / 39_916_800)))
            + r4 * (1.0 / 479_001_600)
        let p = 1 + (low + (r4 * r4) * high)
        let scale = Double(bitPattern: (shifted.bitPattern &+ 1023) &<< 52)   // 2ᵏ, k ∈ [−1021, 1023]
        return t < cutoff ? 0 : p * scale
    }
}
