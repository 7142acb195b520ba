@testable import render_docs
import Testing

@Suite struct PlaygroundMarkupTests {
    @Test func linesAndBlocksBecomeProseCells() {
        let source = """
            //: # Title
            //:
            //: Intro.
            import MetricLearn

            let x = 1
            /*:
               ## Section

               Text with `code`.
             */
            print(x)
            //: End.
            """
        let cells = PlaygroundMarkup.cells(in: source)
        #expect(cells.map(\.kind) == [.prose, .code, .prose, .code, .prose])
        #expect(cells[0].lines == ["# Title", "", "Intro."])
        #expect(cells[1].lines == ["import MetricLearn", "", "let x = 1"])
        #expect(cells[1].firstLine == 4)
        #expect(cells[2].lines == ["## Section", "", "Text with `code`."])
        #expect(cells[3].lines == ["print(x)"] && cells[3].firstLine == 12)
        #expect(cells[4].text == "End.")
    }

    @Test func blankCodeBetweenProseIsDroppedAndTheProseMerged() {
        let cells = PlaygroundMarkup.cells(in: "//: One.\n\n   \n//: Two.\nlet a = 1\n\n\n")
        #expect(cells.map(\.kind) == [.prose, .code])
        #expect(cells[0].lines == ["One.", "", "Two."])
        #expect(cells[1].lines == ["let a = 1"] && cells[1].firstLine == 5)
    }

    @Test func singleLineBlockAndTextAfterTheOpener() {
        let cells = PlaygroundMarkup.cells(in: "/*: Inline prose. */\nlet a = 1\n/*: First line\nsecond line */")
        #expect(cells.map(\.text) == ["Inline prose.", "let a = 1", "First line\nsecond line"])
    }

    @Test func markupInsideABlockStaysCode() {
        let source = """
            for i in 0..<2 {
                //: not prose: inside a loop
                print(i)
            }
            //: Prose.
            """
        let cells = PlaygroundMarkup.cells(in: source)
        #expect(cells.map(\.kind) == [.code, .prose])
        #expect(cells[0].lines.count == 4)
    }

    @Test func ordinaryCommentsAndStringsStayCode() {
        let cells = PlaygroundMarkup.cells(in: "// A comment.\nlet s = \"//: not prose\"\n/* block */")
        #expect(cells.map(\.kind) == [.code])
        #expect(cells[0].lines.count == 3)
    }

    @Test func carriageReturnsAreRemoved() {
        let cells = PlaygroundMarkup.cells(in: "//: Windows.\r\nlet a = 1\r\n")
        #expect(cells.map(\.text) == ["Windows.", "let a = 1"])
    }
}
