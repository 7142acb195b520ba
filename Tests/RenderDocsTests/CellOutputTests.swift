@testable import render_docs
import Testing

@Suite struct CellOutputTests {
    @Test func splitsTextAndFiguresAtTheMarks() throws {
        let stdout = "first\n\u{1E}cell 3\nsecond\nno newline\u{1E}figure plot.svg\n<svg/>\n\u{1E}cell 5\n"
            + "\u{1E}figure later.svg\n<svg>2</svg>\u{1E}end\n"
        let outputs = try CellOutput.split(stdout, firstCodeCell: 1)
        #expect(outputs[1] == CellOutput(text: "first\n"))
        #expect(outputs[3] == CellOutput(text: "second\nno newline", figures: [Figure(name: "plot.svg", svg: "<svg/>\n")]))
        #expect(outputs[5] == CellOutput(text: "", figures: [Figure(name: "later.svg", svg: "<svg>2</svg>")]))
        #expect(outputs.count == 3)
    }

    @Test func cellsWithoutOutputAreLeftOut() throws {
        let outputs = try CellOutput.split("\u{1E}cell 2\n\u{1E}cell 4\nx\n\u{1E}end\n", firstCodeCell: 0)
        #expect(Array(outputs.keys) == [4])
    }

    @Test func aMissingEndMeansTheExampleStoppedEarly() {
        #expect(throws: RenderError.self) { try CellOutput.split("a\n\u{1E}cell 2\n", firstCodeCell: 0) }
    }

    @Test func marksMustMoveForward() {
        #expect(throws: RenderError.self) { try CellOutput.split("\u{1E}cell 4\n\u{1E}cell 4\n\u{1E}end\n", firstCodeCell: 1) }
        #expect(throws: RenderError.self) { try CellOutput.split("\u{1E}bogus\n\u{1E}end\n", firstCodeCell: 1) }
    }
}
