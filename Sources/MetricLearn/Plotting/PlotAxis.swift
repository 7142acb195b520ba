import Foundation

/// One axis of a chart: the data interval it spans and its labelled ticks.
struct PlotAxis: Sendable, Hashable {
    /// The data value at the start of the axis (exponent of 10 on a logarithmic axis).
    let lower: Double
    /// The data value at the end of the axis.
    let upper: Double
    /// The tick positions in increasing order, all within [lower, upper].
    let ticks: [Double]
    /// The tick labels, one per tick.
    let labels: [String]

    /// A linear axis over [minimum, maximum] with "nice" ticks (steps of 1, 2 or 5 × 10ᵏ, about `targetCount`).
    ///
    /// With `padding` 0 the axis is widened to the ticks just outside the data (bars start at a tick);
    /// otherwise each end is widened by `padding` × the data range and ticks fall inside (points clear the frame).
    static func linear(minimum: Double, maximum: Double, padding: Double = 0, targetCount: Int = 5) -> PlotAxis {
        var low = minimum, high = maximum
        if high - low <= 1e-12 * max(1, low.magnitude) {
            let pad = max(0.5, low.magnitude * 0.1)
            low -= pad
            high += pad
        }
        let margin = (high - low) * padding
        low -= margin
        high += margin
        let rough = (high - low) / Double(max(targetCount, 1))
        let exponent = floor(log10(rough))
        let fraction = rough / pow(10, exponent)
        let multiple: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        let step = multiple * pow(10, exponent)
        let decimals = max(0, -Int(exponent) - (multiple == 10 ? 1 : 0))
        let first = padding > 0 ? ceil(low / step - 1e-9) : floor(low / step + 1e-9)
        let last = padding > 0 ? floor(high / step + 1e-9) : ceil(high / step - 1e-9)
        let ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        return PlotAxis(lower: padding > 0 ? low : first * step, upper: padding > 0 ? high : last * step, ticks: ticks,
                        labels: ticks.map { PlotNumberFormat.fixed($0, decimals: decimals, trimmingZeros: false) })
    }

    /// A logarithmic axis over [minimum, maximum] (both > 0), in exponents of ten, ticked at powers of ten.
    ///
    /// Each end is widened by 5 % of the range; when that holds fewer than two powers of ten the axis
    /// grows to the powers just outside the data. At most about six ticks are labelled.
    static func logarithmic(minimum: Double, maximum: Double) -> PlotAxis {
        var low = log10(minimum), high = log10(maximum)
        let margin = max(high - low, 0.1) * 0.05
        low -= margin
        high += margin
        if floor(high) - ceil(low) < 1 {
            low = floor(low)
            high = max(ceil(high), low + 1)
        }
        let first = Int(ceil(low)), last = Int(floor(high))
        let step = max(1, (last - first + 5) / 6)
        let ticks = stride(from: first, through: last, by: step).map(Double.init)
        return PlotAxis(lower: low, upper: high, ticks: ticks, labels: ticks.map(powerOfTenLabel))
    }

    /// 10ᵖ written plainly for small |p| ("0.01", "1000") and as "1e-5" beyond.
    private static func powerOfTenLabel(_ exponent: Double) -> String {
        let p = Int(exponent)
        switch p {
        case 0...4: return "1" + String(repeating: "0", count: p)
        case -3 ..< 0: return "0." + String(repeating: "0", count: -p - 1) + "1"
        default: return "1e\(p)"
        }
    }
}

/// An affine map from a data interval onto a pixel interval (which may be reversed, as for y).
struct LinearScale: Sendable {
    let domain: (lower: Double, upper: Double)
    let range: (start: Double, end: Double)

    init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain
        self.range = range
    }

    /// The pixel position of `value`.
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        let t = span == 0 ? 0.5 : (value - domain.lower) / span
        return range.start + t * (range.end - range.start)
    }
}
