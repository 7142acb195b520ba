/// A 2-D embedding drawn as points coloured by class, with a legend of class names.
///
/// ```swift
/// let plot = try ScatterPlot(embedding, labels: labels, classNames: ["setosa", "versicolor", "virginica"],
///                            title: "NCA, 2 components")
/// try plot.write(toFile: "embedding.svg")
/// ```
public struct ScatterPlot: SVGPlot, Hashable {
    /// The points: column 0 is x, column 1 is y.
    public let points: Matrix
    /// The class of each point.
    public let labels: [Int]
    /// Names of the classes, indexed by label; a label without a name is shown as "class N".
    public var classNames: [String]
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

    /// Creates a scatter plot of the first two columns of `points`.
    ///
    /// - Throws: `emptyInput` without points, `invalidParameter` for fewer than two columns,
    ///   `nonFiniteValue` for NaN/∞ in the plotted columns, `labelCountMismatch` when `labels` do not match the rows.
    public init(_ points: Matrix, labels: [Int], classNames: [String] = [], title: String = "",
                xLabel: String = "component 1", yLabel: String = "component 2",
                width: Int = 640, height: Int = 440) throws(MetricLearnError) {
        guard points.rowCount > 0 else { throw .emptyInput(what: "no points to plot") }
        guard points.columnCount >= 2 else {
            throw .invalidParameter(name: "points", value: "\(points.columnCount) column",
                                    requirement: "a scatter plot needs at least 2 columns (x and y)")
        }
        guard labels.count == points.rowCount else {
            throw .labelCountMismatch(sampleCount: points.rowCount, labelCount: labels.count)
        }
        let plotted = points.columns(at: [0, 1])
        if let (row, column) = plotted.firstNonFiniteIndex { throw .nonFiniteValue(row: row, column: column) }
        self.points = plotted
        self.labels = labels
        self.classNames = classNames
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
    }

    /// The plot as a complete SVG document.
    public var svg: String {
        let classes = Array(Set(labels)).sorted()
        let names = classes.map { $0 >= 0 && $0 < classNames.count ? classNames[$0] : "class \($0)" }
        let xs = points.column(0), ys = points.column(1)
        let canvasWidth = max(width, 200), canvasHeight = max(height, 150)
        let frame = PlotFrame(
            width: canvasWidth, height: canvasHeight,
            margins: (left: 64, top: PlotFrame.topMargin(title: title), right: 20 + PlotFrame.legendWidth(names), bottom: 56),
            xAxis: .linear(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1, padding: 0.05),
            yAxis: .linear(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1, padding: 0.05))

        var canvas = SVGCanvas(width: canvasWidth, height: canvasHeight)
        PlotFrame.drawTitle(title, on: &canvas)
        frame.drawAxes(xLabel: xLabel, yLabel: yLabel, on: &canvas)
        for (index, label) in classes.enumerated() {
            canvas.openGroup([("fill", PlotPalette.color(index)), ("fill-opacity", "0.8"),
                              ("stroke", "#ffffff"), ("stroke-width", "0.5")])
            for row in labels.indices where labels[row] == label {
                canvas.circle(frame.x(xs[row]), frame.y(ys[row]), r: 3.5)
            }
            canvas.closeGroup()
        }
        frame.drawLegend(classes.indices.map { (names[$0], PlotPalette.color($0)) }, swatch: .dot, on: &canvas)
        return canvas.document(title: title)
    }
}
