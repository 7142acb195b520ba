/// Labelled horizontal bars drawn from zero, e.g. the learned weight of each feature.
///
/// Bars keep the order given, top to bottom; negative values extend to the left of the zero line.
public struct BarChart: SVGPlot, Hashable {
    /// The bar labels, top to bottom.
    public let labels: [String]
    /// The bar lengths, one per label.
    public let values: [Double]
    /// The chart title (none when empty).
    public var title: String
    /// The label of the value axis.
    public var valueLabel: String
    /// The width of the drawing in pixels (at least 300 is used); the height follows the bar count.
    public var width: Int

    /// Creates a bar chart.
    ///
    /// - Throws: `emptyInput` without bars, `labelCountMismatch` when the counts differ,
    ///   `invalidParameter` naming the first NaN/∞ value.
    public init(labels: [String], values: [Double], title: String = "", valueLabel: String = "",
                width: Int = 640) throws(MetricLearnError) {
        guard !values.isEmpty else { throw .emptyInput(what: "no bars to plot") }
        guard labels.count == values.count else {
            throw .labelCountMismatch(sampleCount: values.count, labelCount: labels.count)
        }
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalidParameter(name: "values[\(index)]", value: "\(values[index])", requirement: "must be finite")
        }
        self.labels = labels
        self.values = values
        self.title = title
        self.valueLabel = valueLabel
        self.width = width
    }

    /// A chart of learned feature weights (`MahalanobisMetric.featureWeights`), in their order.
    public init(featureWeights: [FeatureWeight], title: String = "", valueLabel: String = "weight",
                width: Int = 640) throws(MetricLearnError) {
        try self.init(labels: featureWeights.map(\.feature), values: featureWeights.map(\.weight),
                      title: title, valueLabel: valueLabel, width: width)
    }

    /// The chart as a complete SVG document.
    public var svg: String {
        let pitch = 22.0, barHeight = 15.0
        let top = PlotFrame.topMargin(title: title)
        let left = (labels.map { SVGCanvas.estimatedWidth(of: $0, fontSize: 11) }.max() ?? 0) + 20
        let canvasWidth = max(width, 300)
        let canvasHeight = Int(top + pitch * Double(values.count) + 56)
        let axis = PlotAxis.linear(minimum: min(0, values.min() ?? 0), maximum: max(0, values.max() ?? 0))
        let frame = PlotFrame(width: canvasWidth, height: canvasHeight,
                              margins: (left: left, top: top, right: 56, bottom: 56),
                              xAxis: axis, yAxis: PlotAxis(lower: 0, upper: 1, ticks: [], labels: []))
        let tickDecimals = axis.labels.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }.max() ?? 0

        var canvas = SVGCanvas(width: canvasWidth, height: canvasHeight)
        PlotFrame.drawTitle(title, on: &canvas)
        frame.drawAxes(xLabel: valueLabel, yLabel: "", on: &canvas)
        let zero = frame.x(0)
        canvas.openGroup([("fill", PlotPalette.color(0))])
        for (index, value) in values.enumerated() {
            let y = frame.top + pitch * Double(index) + (pitch - barHeight) / 2
            canvas.rect(x: min(zero, frame.x(value)), y: y, width: abs(frame.x(value) - zero), height: barHeight)
        }
        canvas.closeGroup()
        if zero > frame.left { canvas.line(zero, frame.top, zero, frame.bottom, [("stroke", "#444444")]) }

        canvas.openGroup([("fill", "#222222"), ("font-size", "11")])
        for (index, (label, value)) in zip(labels, values).enumerated() {
            let middle = frame.top + pitch * (Double(index) + 0.5) + 4
            canvas.text(label, x: left - 8, y: middle, anchor: .end)
            let end = frame.x(value)
            let valueText = PlotNumberFormat.fixed(value, decimals: tickDecimals + 2, trimmingZeros: false)
            canvas.text(valueText, x: value < 0 ? end - 4 : end + 4, y: middle, anchor: value < 0 ? .end : .start)
        }
        canvas.closeGroup()
        return canvas.document(title: title)
    }
}
