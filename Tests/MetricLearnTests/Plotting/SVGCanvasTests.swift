@testable import MetricLearn
import Testing

@Suite struct SVGCanvasTests {
    @Test func escapesTheFiveXMLSpecialCharacters() {
        #expect(SVGCanvas.escaped(#"a<b & "c" > 'd'"#) == "a&lt;b &amp; &quot;c&quot; &gt; &apos;d&apos;")
        #expect(SVGCanvas.escaped("plain text, µ ≥ 0") == "plain text, µ ≥ 0")
    }

    @Test func documentIsAStandaloneSVG11Root() throws {
        var canvas = SVGCanvas(width: 300, height: 200)
        canvas.openGroup([("fill", "red")])
        canvas.circle(10, 20.004, r: 3)
        canvas.closeGroup()
        canvas.text("x < y", x: 5, y: 6, anchor: .middle, rotation: -90)
        let svg = canvas.document(title: "A & B")
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="300" height="200" viewBox="0 0 300 200""#))
        #expect(svg.contains("<title>A &amp; B</title>"))
        #expect(svg.contains(#"    <circle cx="10" cy="20" r="3"/>"#))
        #expect(svg.contains(#"<text x="5" y="6" text-anchor="middle" transform="rotate(-90 5 6)">x &lt; y</text>"#))
        #expect(svg.hasSuffix("</svg>\n"))
        let inspector = try #require(SVGInspector.parse(svg))
        #expect(inspector.all("text").first?.text == "x < y")
    }
}
