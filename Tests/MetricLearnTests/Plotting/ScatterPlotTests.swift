import MetricLearn
import Testing

@Suite struct ScatterPlotTests {
    let points = Matrix(rows: [[0, 0], [10, 10], [5, 2.5], [1, 9]])
    let labels = [0, 1, 1, 2]

    @Test func onePointPerSampleAndOneLegendEntryPerClass() throws {
        let plot = try ScatterPlot(points, labels: labels, classNames: ["setosa", "versicolor", "virginica"],
                                   title: "Embedding")
        let svg = try #require(SVGInspector.parse(plot.svg))
        // 4 data points + 3 legend dots.
        #expect(svg.all("circle").count == 7)
        let texts = svg.all("text").map(\.text)
        #expect(texts.contains("setosa") && texts.contains("versicolor") && texts.contains("virginica"))
        #expect(texts.first == "Embedding")
        #expect(svg.all("title").first?.text == "Embedding")
        #expect(svg.all("svg").first?.attributes["viewBox"] == "0 0 640 440")
        #expect(svg.all("svg").first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    }

    @Test func dataMapsOntoThePlotAreaByHand() throws {
        // One class named "ab": legend 2·7.2 + 44 = 58.4 px, so the plot spans x 64…561.6 (width 497.6)
        // and, without a title, y 16…384 (height 368). Both axes cover [−0.5, 10.5] (5 % padding).
        let plot = try ScatterPlot(Matrix(rows: [[0, 0], [10, 10]]), labels: [0, 0], classNames: ["ab"])
        let svg = try #require(SVGInspector.parse(plot.svg))
        let dots = svg.all("circle").filter { $0.attributes["r"] == "3.5" }
        #expect(dots.count == 2)
        // x(0) = 64 + 0.5/11·497.6 = 86.618…, x(10) = 64 + 10.5/11·497.6 = 538.981…
        #expect(dots.map { $0.attributes["cx"] } == ["86.62", "538.98"])
        // y(0) = 384 − 0.5/11·368 = 367.272…, y(10) = 384 − 10.5/11·368 = 32.727…
        #expect(dots.map { $0.attributes["cy"] } == ["367.27", "32.73"])
    }

    @Test func classNamesAreEscapedAndMissingNamesNumbered() throws {
        let plot = try ScatterPlot(points, labels: labels, classNames: ["<a> & \"b\""], title: "x < y")
        #expect(plot.svg.contains("&lt;a&gt; &amp; &quot;b&quot;"))
        #expect(plot.svg.contains(">x &lt; y</text>"))
        let texts = try #require(SVGInspector.parse(plot.svg)).all("text").map(\.text)
        #expect(texts.contains("class 1") && texts.contains("class 2"))
    }

    @Test func renderingIsDeterministic() throws {
        let a = try ScatterPlot(points, labels: labels, title: "same").svg
        let b = try ScatterPlot(Matrix(rows: points.rows), labels: labels, title: "same").svg
        #expect(a == b)
        #expect(!a.contains("id="))
    }

    @Test func onlyTheFirstTwoColumnsArePlotted() throws {
        let wide = Matrix(rows: [[0, 0, .nan], [1, 1, 7]])
        let plot = try ScatterPlot(wide, labels: [0, 1])
        #expect(plot.points.columnCount == 2)
    }

    @Test func rejectsBadInput() {
        #expect(throws: MetricLearnError.emptyInput(what: "no points to plot")) {
            try ScatterPlot(Matrix(rowCount: 0, columnCount: 2), labels: [])
        }
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 4, labelCount: 3)) {
            try ScatterPlot(points, labels: [0, 1, 1])
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 1, column: 0)) {
            try ScatterPlot(Matrix(rows: [[0, 0], [.infinity, 1]]), labels: [0, 1])
        }
        #expect(throws: MetricLearnError.self) { try ScatterPlot(Matrix(rows: [[1], [2]]), labels: [0, 1]) }
    }
}
