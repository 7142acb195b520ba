@testable import render_docs
import Testing

@Suite struct InstrumentationTests {
    let example = Example(slug: "01-demo", sourcePath: "Examples/01-demo/main.swift", source: """
        //: # Demo
        import MetricLearn
        print("a")
        //: Then.
        print("b")
        """)

    @Test func marksEveryCodeCellButTheFirstAndTheEnd() {
        #expect(Instrumentation.instrumentedSource(of: example) == """
            #sourceLocation(file: "Examples/01-demo/main.swift", line: 2)
            import MetricLearn
            print("a")
            #sourceLocation()
            renderDocsMark(3)
            #sourceLocation(file: "Examples/01-demo/main.swift", line: 5)
            print("b")
            #sourceLocation()
            renderDocsMark(-1)

            """)
    }

    @Test func supportReportsFiguresBeforeTheMark() {
        let support = Instrumentation.supportSource
        #expect(support.contains("func renderDocsMark(_ cell: Int)"))
        #expect(support.contains(#"print("\u{1E}figure \(name)")"#))
        #expect(support.contains(#"print(cell < 0 ? "\u{1E}end" : "\u{1E}cell \(cell)")"#))
    }
}
