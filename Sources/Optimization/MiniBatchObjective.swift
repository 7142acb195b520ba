/// A function of `dimension` real variables that is a sum (or mean) over `sampleCount` samples, so that a
/// batch of samples gives an estimate of it and of its gradient: what `Adam` minimises.
///
/// The objective knows nothing of how batches are drawn; `Adam` draws them from a seeded permutation of the
/// samples, stratified by `strata` when the objective has them.
public protocol MiniBatchObjective {
    /// The number of variables.
    var dimension: Int { get }

    /// The number of samples n the objective sums over.
    var sampleCount: Int { get }

    /// The stratum (class) of each sample, 0, 1, 2, …, or nil when batches need not be stratified.
    var strata: [Int]? { get }

    /// Returns the estimate of the full objective at `point` from the samples `batch` (distinct indices in
    /// 0..<`sampleCount`, ascending) and writes its gradient into `gradient` (`dimension` elements).
    ///
    /// The estimate must equal the full objective when `batch` is every sample. A non-finite value is allowed
    /// (`Adam` skips that batch); it must not trap.
    func valueAndGradient(at point: [Double], batch: [Int], gradient: inout [Double]) -> Double

    /// The estimate of the full objective from the samples `batch` without its gradient: the held-back
    /// evaluation. The default calls `valueAndGradient(at:batch:gradient:)`.
    func value(at point: [Double], batch: [Int]) -> Double
}

extension MiniBatchObjective {
    /// No strata.
    public var strata: [Int]? { nil }

    /// `valueAndGradient(at:batch:gradient:)` into a scratch gradient.
    public func value(at point: [Double], batch: [Int]) -> Double {
        var scratch = [Double](repeating: 0, count: dimension)
        return valueAndGradient(at: point, batch: batch, gradient: &scratch)
    }
}
