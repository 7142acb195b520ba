import Foundation
import MetricLearn
import Testing

@Suite struct LineChartTests {
    @Test func pointsMapOntoThePlotAreaByHand() throws {
        // No title, no legend (one unnamed series): the plot spans x 72…620 and y 16…344.
        // x axis 1…2 (ticks 1.0, 1.2, …, 2.0); y axis [−0.5, 10.5] (5 % padding).
        let chart = try LineChart(series: [.init(name: "", x: [1, 2], y: [0, 10])], xLabel: "", yLabel: "")
        let svg = try #require(SVGInspector.parse(chart.svg))
        let lines = svg.all("polyline")
        #expect(lines.count == 1)
        // y(0) = 344 − 0.5/11·328 = 329.09…, y(10) = 344 − 10.5/11·328 = 30.90…
        #expect(lines.first?.attributes["points"] == "72,329.09 620,30.91")
        let texts = svg.all("text").map(\.text)
        #expect(texts.prefix(6) == ["1.0", "1.2", "1.4", "1.6", "1.8", "2.0"])
    }

    @Test func oneLineAndLegendEntryPerSeries() throws {
        let chart = try LineChart(series: [.init(name: "NCA", values: [3, 2, 1.5]),
                                           .init(name: "LMNN", values: [5, 4, 3.5, 3.4]),
                                           .init(name: "single", values: [2])],
                                  title: "Convergence")
        let svg = try #require(SVGInspector.parse(chart.svg))
        #expect(svg.all("polyline").count == 2)
        #expect(svg.all("circle").count == 1)  // a one-point series is a dot
        #expect(svg.all("line").filter { $0.attributes["stroke-width"] == "2.5" }.count == 3)  // legend swatches
        let texts = svg.all("text").map(\.text)
        #expect(texts.contains("NCA") && texts.contains("LMNN") && texts.contains("single"))
    }

    @Test func logarithmicAxisPlacesPowersOfTenEvenly() throws {
        let chart = try LineChart(series: [.init(name: "", values: [100, 10, 1])], yScale: .logarithmic)
        let svg = try #require(SVGInspector.parse(chart.svg))
        let points = try #require(svg.all("polyline").first?.attributes["points"])
        let ys = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
        #expect(ys.count == 3)
        #expect(abs((ys[1] - ys[0]) - (ys[2] - ys[1])) < 0.02)
        let texts = svg.all("text").map(\.text)
        #expect(texts.contains("1") && texts.contains("10") && texts.contains("100"))
    }

    @Test func rejectsBadInput() {
        #expect(throws: MetricLearnError.emptyInput(what: "no points to plot")) {
            try LineChart(series: [.init(name: "empty", values: [])])
        }
        #expect(throws: MetricLearnError.self) { try LineChart(series: [.init(name: "a", x: [1, 2], y: [1])]) }
        #expect(throws: MetricLearnError.invalidParameter(name: "series[0].y[1]", value: "0.0",
                                                          requirement: "must be positive on a logarithmic axis")) {
            try LineChart(series: [.init(name: "a", values: [1, 0])], yScale: .logarithmic)
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "series[1].y[0]", value: "inf", requirement: "must be finite")) {
            try LineChart(series: [.init(name: "a", values: [1]), .init(name: "b", values: [.infinity])])
        }
    }

    @Test func writesTheFileAtomically() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("line-chart-test-\(getpid()).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let chart = try LineChart(series: [.init(name: "a", values: [1, 2])])
        try chart.write(toFile: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == chart.svg)
        #expect(throws: MetricLearnError.self) { try chart.write(toFile: "/nonexistent-directory/x.svg") }
    }
}
