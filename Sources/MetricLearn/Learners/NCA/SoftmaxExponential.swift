/// exp(t) for the softmax terms of NCA, where t = (smallest distance) − (distance) ≤ 0.
///
/// Terms with t < −64·ln 2 (below 2⁻⁶⁴ of the row's largest term, which is 1) are flushed to 0: each is
/// less than 2⁻¹¹ of an ulp of the row sum, and skipping them keeps libm's slow underflow path out
/// of the hot loop. Otherwise t = k·ln 2 + r with k = round(t / ln 2), |r| ≤ ln 2 / 2 (Cody–Waite
/// reduction), e^r by its degree-12 Taylor polynomial (truncation error < 2⁻⁵² relative) and 2ᵏ built
/// from its bits. Branch-free, so the compiler can vectorise a loop of them; within 2 ulp of `exp`.
enum SoftmaxExponential {
    /// Arguments below this give 0.
    static let cutoff = -64 * 0.693_147_180_559_945_3

    @inline(__always)
    static func value(_ t: Double) -> Double {
        let clamped = max(t, cutoff)
        let shifter = 0x1.8p52                                   // adding it rounds to an integer in the low bits
        let shifted = clamped * 1.442_695_040_888_963_4 + shifter  // t / ln 2 + 1.5·2⁵²
        let k = shifted - shifter
        let r = (clamped - k * 0x1.62e42fee00000p-1) - k * 0x1.a39ef35793c76p-33   // ln 2 split hi + lo
        var p = 1.0 / 479_001_600                                 // 1/12!
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let scale = Double(bitPattern: (shifted.bitPattern &+ 1023) &<< 52)   // 2ᵏ, k ∈ [−64, 0]
        return t < cutoff ? 0 : p * scale
    }
}
