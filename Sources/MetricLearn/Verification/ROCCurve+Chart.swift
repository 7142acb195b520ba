/// ROC curves as figures, through `LineChart`.
extension ROCCurve {
    /// The curve as a line chart (false-positive rate across, true-positive rate up) through its corners, with
    /// the diagonal of a verifier that guesses (`chance`) after it.
    ///
    /// - Throws: the errors of `LineChart.init` (none for a curve built by `init`).
    public func chart(name: String = "ROC", title: String = "") throws(MetricLearnError) -> LineChart {
        try Self.chart([(name, self)], title: title)
    }

    /// Several curves in one chart, in order, with the chance diagonal last: to compare metrics on the same pairs.
    ///
    /// - Throws: `emptyInput` for no curves.
    public static func chart(_ curves: [(name: String, curve: ROCCurve)], title: String = "")
        throws(MetricLearnError) -> LineChart {
        var series = curves.map { name, curve in
            let corners = curve.cornerIndices
            return LineChart.Series(name: name, x: corners.map { curve.falsePositiveRates[$0] },
                                    y: corners.map { curve.truePositiveRates[$0] })
        }
        guard !series.isEmpty else { throw .emptyInput(what: "no ROC curves to plot") }
        series.append(LineChart.Series(name: "chance", x: [0, 1], y: [0, 1]))
        return try LineChart(series: series, title: title, xLabel: "false-positive rate", yLabel: "true-positive rate")
    }
}
