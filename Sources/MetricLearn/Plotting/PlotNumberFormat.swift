/// Fixed-point number formatting for SVG coordinates and tick labels, independent of locale.
enum PlotNumberFormat {
    /// `value` rounded to `decimals` places (0...6), without trailing zeros when `trimmingZeros`.
    /// Never produces "-0"; values too large for fixed notation fall back to Swift's shortest form.
    static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool = true) -> String {
        guard value.isFinite else { return "0" }
        let places = min(max(decimals, 0), 6)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded()
        guard scaled < 9e15 else { return value.description }
        let units = Int64(scaled)
        if units == 0 { return trimmingZeros || places == 0 ? "0" : "0." + String(repeating: "0", count: places) }
        var text = (value < 0 ? "-" : "") + String(units / scale)
        guard places > 0 else { return text }
        var fraction = String(units % scale)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        if trimmingZeros { while fraction.last == "0" { fraction.removeLast() } }
        if !fraction.isEmpty { text += "." + fraction }
        return text
    }

    /// A coordinate in the SVG user space: two decimals, trailing zeros trimmed.
    static func coordinate(_ value: Double) -> String { fixed(value, decimals: 2) }
}
