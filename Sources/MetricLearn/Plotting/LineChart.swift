import Foundation

/// One or more series drawn as lines, e.g. the objective against the iteration for several learners.
public struct LineChart: SVGPlot, Hashable {
    /// One named line: y against x.
    public struct Series: Sendable, Hashable {
        /// The name shown in the legend.
        public var name: String
        /// The x coordinates.
        public let x: [Double]
        /// The y coordinates, one per x.
        public let y: [Double]

        /// A series through the points (x[i], y[i]); the counts are checked by `LineChart`.
        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }

        /// A series with x = 1, 2, 3, …: `values` indexed by iteration, like `FitReport.objectiveHistory`.
        public init(name: String, values: [Double]) {
            self.init(name: name, x: values.indices.map { Double($0 + 1) }, y: values)
        }
    }

    /// How the vertical axis maps values.
    public enum YScale: String, Sendable, Hashable, Codable, CaseIterable {
        /// Equal distances for equal differences.
        case linear
        /// Equal distances for equal ratios (powers of ten ticked); every y must be positive.
        case logarithmic
    }

    /// The series, drawn in order and coloured by position.
    public let series: [Series]
    /// The vertical axis scale.
    public let yScale: YScale
    /// The chart title (none when empty).
    public var title: String
    /// The horizontal axis label.
    public var xLabel: String
    /// The vertical axis label.
    public var yLabel: String
    /// The width of the drawing in pixels (at least 200 is used).
    public var width: Int
    /// The height of the drawing in pixels (at least 150 is used).
    public var height: Int

    /// Creates a line chart.
    ///
    /// - Throws: `emptyInput` when no series has a point; `invalidParameter` naming the series whose x and y
    ///   counts differ, the first NaN/∞ coordinate, or the first y ≤ 0 on a logarithmic axis.
    public init(series: [Series], title: String = "", xLabel: String = "iteration", yLabel: String = "objective",
                yScale: YScale = .linear, width: Int = 640, height: Int = 400) throws(MetricLearnError) {
        guard series.contains(where: { !$0.y.isEmpty }) else { throw .emptyInput(what: "no points to plot") }
        for (s, line) in series.enumerated() {
            guard line.x.count == line.y.count else {
                throw .invalidParameter(name: "series[\(s)]", value: "\(line.x.count) x and \(line.y.count) y values",
                                        requirement: "needs one y per x")
            }
            for (name, values) in [("x", line.x), ("y", line.y)] {
                if let i = values.firstIndex(where: { !$0.isFinite }) {
                    throw .invalidParameter(name: "series[\(s)].\(name)[\(i)]", value: "\(values[i])",
                                            requirement: "must be finite")
                }
            }
            if yScale == .logarithmic, let i = line.y.firstIndex(where: { $0 <= 0 }) {
                throw .invalidParameter(name: "series[\(s)].y[\(i)]", value: "\(line.y[i])",
                                        requirement: "must be positive on a logarithmic axis")
            }
        }
        self.series = series
        self.yScale = yScale
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
    }

    /// The chart as a complete SVG document.
    public var svg: String {
        let xs = series.flatMap(\.x), ys = series.flatMap(\.y)
        let plottedY: (Double) -> Double = yScale == .logarithmic ? { log10($0) } : { $0 }
        let yAxis: PlotAxis = switch yScale {
        case .linear: .linear(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1, padding: 0.05)
        case .logarithmic: .logarithmic(minimum: ys.min() ?? 1, maximum: ys.max() ?? 10)
        }
        let names = series.count > 1 || !(series.first?.name.isEmpty ?? true) ? series.map(\.name) : []
        let canvasWidth = max(width, 200), canvasHeight = max(height, 150)
        let frame = PlotFrame(
            width: canvasWidth, height: canvasHeight,
            margins: (left: 72, top: PlotFrame.topMargin(title: title), right: 20 + PlotFrame.legendWidth(names), bottom: 56),
            xAxis: .linear(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1), yAxis: yAxis)

        var canvas = SVGCanvas(width: canvasWidth, height: canvasHeight)
        PlotFrame.drawTitle(title, on: &canvas)
        frame.drawAxes(xLabel: xLabel, yLabel: yLabel, on: &canvas)
        for (index, line) in series.enumerated() where !line.y.isEmpty {
            let color = PlotPalette.color(index)
            let points = zip(line.x, line.y).map { (x: frame.x($0), y: frame.y(plottedY($1))) }
            if points.count == 1 {
                canvas.circle(points[0].x, points[0].y, r: 3, [("fill", color)])
            } else {
                canvas.polyline(points, [("stroke", color), ("stroke-width", "2"), ("stroke-linejoin", "round")])
            }
        }
        frame.drawLegend(names.indices.map { (names[$0], PlotPalette.color($0)) }, swatch: .line, on: &canvas)
        return canvas.document(title: title)
    }
}
