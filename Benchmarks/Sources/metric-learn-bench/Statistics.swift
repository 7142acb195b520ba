#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Order statistics of repeated timings: median, quartiles and range.
struct Summary: Sendable, Hashable, Codable {
    let count: Int
    let minimum: Double
    let lowerQuartile: Double
    let median: Double
    let upperQuartile: Double
    let maximum: Double

    /// The interquartile range Q3 − Q1.
    var interquartileRange: Double { upperQuartile - lowerQuartile }

    /// Summarises a non-empty sample. Quantiles interpolate linearly between order statistics
    /// (Hyndman & Fan type 7, NumPy's default), so the median of an even count is the mean of the middle two.
    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        lowerQuartile = Summary.quantile(0.25, ofSorted: sorted)
        median = Summary.quantile(0.5, ofSorted: sorted)
        upperQuartile = Summary.quantile(0.75, ofSorted: sorted)
    }

    /// The `p`-quantile of sorted values, interpolating at position p·(count − 1).
    static func quantile(_ p: Double, ofSorted sorted: [Double]) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
}

/// The empirical growth exponent b of time ≈ a·nᵇ: the least-squares slope of log t against log n.
struct GrowthFit: Sendable, Hashable, Codable {
    /// The slope b.
    let exponent: Double
    /// The coefficient of determination of the log–log fit (1 when every point lies on the line).
    let rSquared: Double
    /// How many sizes the fit used.
    let pointCount: Int

    /// Fits (n, t) pairs; needs at least two distinct positive sizes and positive times.
    init?(sizes: [Double], times: [Double]) {
        guard sizes.count == times.count, sizes.count >= 2,
              sizes.allSatisfy({ $0 > 0 }), times.allSatisfy({ $0 > 0 }) else { return nil }
        let x = sizes.map { log($0) }
        let y = times.map { log($0) }
        let count = Double(x.count)
        let meanX = x.reduce(0, +) / count
        let meanY = y.reduce(0, +) / count
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (xi, yi) in zip(x, y) {
            sxx += (xi - meanX) * (xi - meanX)
            sxy += (xi - meanX) * (yi - meanY)
            syy += (yi - meanY) * (yi - meanY)
        }
        guard sxx > 0 else { return nil }
        exponent = sxy / sxx
        rSquared = syy > 0 ? sxy * sxy / (sxx * syy) : 1
        pointCount = x.count
    }
}
