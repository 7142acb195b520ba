/// A small, fast, seeded random number generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// Every random choice in MetricLearn (and in the stochastic solver `Adam`) flows from one of these, created from a `seed`,
/// so a fit is a pure function of (configuration, data): same seed, same bits, on every platform.
/// The helpers below are implemented here rather than with the standard library's
/// `shuffled(using:)`, whose algorithm is not guaranteed to stay the same between Swift releases.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose whole output is determined by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 bits of the SplitMix64 sequence.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate (Box–Muller; one value per call, so the stream is simple to reason about).
    public mutating func nextGaussian() -> Double {
        let u1 = 1 - nextUniform()          // (0, 1], so log is finite
        let u2 = nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A uniform integer in 0..<upperBound (Lemire's unbiased multiply-shift with rejection).
    public mutating func nextIndex(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "upperBound must be positive")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// Shuffles `array` in place (Fisher–Yates with `nextIndex(below:)`).
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextIndex(below: i + 1))
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
