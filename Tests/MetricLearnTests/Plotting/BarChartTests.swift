import MetricLearn
import Testing

@Suite struct BarChartTests {
    @Test func barLengthsAreProportionalToValues() throws {
        // Axis 0…4 (step 1). Labels "a", "b", "c" are 6.6 px wide at 11 px, so bars start at x = 26.6 and the
        // axis ends at 640 − 56 = 584: 557.4 px for 4 units.
        let chart = try BarChart(labels: ["a", "b", "c"], values: [1, 2, 4], title: "Weights")
        let svg = try #require(SVGInspector.parse(chart.svg))
        let bars = svg.all("rect").dropFirst()  // the first rect is the background
        #expect(bars.count == 3)
        #expect(bars.map { $0.attributes["x"] } == ["26.6", "26.6", "26.6"])
        #expect(bars.map { $0.attributes["width"] } == ["139.35", "278.7", "557.4"])
        let texts = svg.all("text").map(\.text)
        #expect(texts.contains("a") && texts.contains("4.00"))
        // Height follows the bar count: 40 (title) + 3 · 22 + 56.
        #expect(svg.all("svg").first?.attributes["height"] == "162")
    }

    @Test func negativeBarsExtendLeftOfZero() throws {
        let chart = try BarChart(labels: ["down", "up"], values: [-1, 1])
        let svg = try #require(SVGInspector.parse(chart.svg))
        let bars = Array(svg.all("rect").dropFirst())
        let down = try #require(SVGInspector.number(bars[0], "x")), up = try #require(SVGInspector.number(bars[1], "x"))
        let downWidth = try #require(SVGInspector.number(bars[0], "width"))
        #expect(down < up)
        #expect(abs(down + downWidth - up) < 0.01)
    }

    @Test func featureWeightsKeepTheirOrder() throws {
        let weights = [FeatureWeight(feature: "proline", weight: 2), FeatureWeight(feature: "noise & co", weight: 0.1)]
        let chart = try BarChart(featureWeights: weights, title: "Learned weights")
        #expect(chart.labels == ["proline", "noise & co"])
        #expect(chart.svg.contains(">noise &amp; co</text>"))
        #expect(chart.svg == (try BarChart(featureWeights: weights, title: "Learned weights")).svg)
    }

    @Test func rejectsBadInput() {
        #expect(throws: MetricLearnError.emptyInput(what: "no bars to plot")) { try BarChart(labels: [], values: []) }
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 2, labelCount: 1)) {
            try BarChart(labels: ["a"], values: [1, 2])
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "values[1]", value: "nan", requirement: "must be finite")) {
            try BarChart(labels: ["a", "b"], values: [1, .nan])
        }
    }
}
