/// The rectangle of a chart that holds the data, its two scales, and the shared decorations:
/// title, grid, axes with ticks and labels, legend.
struct PlotFrame {
    /// What a legend entry shows next to its name.
    enum LegendSwatch {
        case dot, line
    }

    /// Left, top, right and bottom edges of the data area in pixels.
    let left: Double, top: Double, right: Double, bottom: Double
    let xAxis: PlotAxis, yAxis: PlotAxis
    let x: LinearScale, y: LinearScale

    /// A frame inside a `width`×`height` canvas with the given margins.
    init(width: Int, height: Int, margins: (left: Double, top: Double, right: Double, bottom: Double),
         xAxis: PlotAxis, yAxis: PlotAxis) {
        left = margins.left
        top = margins.top
        right = max(left + 1, Double(width) - margins.right)
        bottom = max(top + 1, Double(height) - margins.bottom)
        self.xAxis = xAxis
        self.yAxis = yAxis
        x = LinearScale(domain: (xAxis.lower, xAxis.upper), range: (left, right))
        y = LinearScale(domain: (yAxis.lower, yAxis.upper), range: (bottom, top))
    }

    /// The top margin a chart needs: room for the title when there is one.
    static func topMargin(title: String) -> Double { title.isEmpty ? 16 : 40 }

    /// The width of a right-hand legend listing `names` (0 without names).
    static func legendWidth(_ names: [String]) -> Double {
        guard let widest = names.map({ SVGCanvas.estimatedWidth(of: $0) }).max() else { return 0 }
        return widest + 44
    }

    /// Draws the title centred above the chart.
    static func drawTitle(_ title: String, on canvas: inout SVGCanvas) {
        guard !title.isEmpty else { return }
        canvas.text(title, x: Double(canvas.width) / 2, y: 24, anchor: .middle,
                    [("font-size", "15"), ("font-weight", "bold")])
    }

    /// Draws grid lines, the two axes, their ticks, tick labels and axis labels.
    func drawAxes(xLabel: String, yLabel: String, on canvas: inout SVGCanvas) {
        canvas.openGroup([("stroke", "#e6e6e6"), ("stroke-width", "1")])
        for value in xAxis.ticks { canvas.line(x(value), top, x(value), bottom) }
        for value in yAxis.ticks { canvas.line(left, y(value), right, y(value)) }
        canvas.closeGroup()

        canvas.openGroup([("stroke", "#444444"), ("stroke-width", "1")])
        canvas.line(left, bottom, right, bottom)
        canvas.line(left, top, left, bottom)
        for value in xAxis.ticks { canvas.line(x(value), bottom, x(value), bottom + 5) }
        for value in yAxis.ticks { canvas.line(left - 5, y(value), left, y(value)) }
        canvas.closeGroup()

        canvas.openGroup([("fill", "#333333"), ("font-size", "11")])
        for (value, label) in zip(xAxis.ticks, xAxis.labels) {
            canvas.text(label, x: x(value), y: bottom + 18, anchor: .middle)
        }
        for (value, label) in zip(yAxis.ticks, yAxis.labels) {
            canvas.text(label, x: left - 8, y: y(value) + 4, anchor: .end)
        }
        canvas.closeGroup()

        if !xLabel.isEmpty { canvas.text(xLabel, x: (left + right) / 2, y: bottom + 40, anchor: .middle) }
        if !yLabel.isEmpty {
            let widestTick = yAxis.labels.map { SVGCanvas.estimatedWidth(of: $0, fontSize: 11) }.max() ?? 0
            canvas.text(yLabel, x: left - widestTick - 20, y: (top + bottom) / 2, anchor: .middle, rotation: -90)
        }
    }

    /// Draws a legend to the right of the data area: one coloured swatch and name per entry.
    func drawLegend(_ entries: [(name: String, color: String)], swatch: LegendSwatch, on canvas: inout SVGCanvas) {
        guard !entries.isEmpty else { return }
        let x0 = right + 20
        canvas.openGroup([("font-size", "12"), ("fill", "#222222")])
        for (index, entry) in entries.enumerated() {
            let y = top + 8 + Double(index) * 20
            switch swatch {
            case .dot: canvas.circle(x0 + 6, y, r: 4.5, [("fill", entry.color)])
            case .line: canvas.line(x0, y, x0 + 14, y, [("stroke", entry.color), ("stroke-width", "2.5")])
            }
            canvas.text(entry.name, x: x0 + 20, y: y + 4)
        }
        canvas.closeGroup()
    }
}

/// The colours of classes and series: Okabe–Ito's colour-blind-safe set (yellow replaced by grey,
/// which reads better on white), cycled when there are more than eight.
enum PlotPalette {
    static let colors = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#000000", "#999999"]

    /// The colour of the `index`-th class or series.
    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
