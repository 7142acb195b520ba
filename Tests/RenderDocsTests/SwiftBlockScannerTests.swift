@testable import render_docs
import Testing

@Suite struct SwiftBlockScannerTests {
    private func isAtFileScope(after lines: [String]) -> Bool {
        var scanner = SwiftBlockScanner()
        for line in lines { scanner.scan(line: line) }
        return scanner.isAtFileScope
    }

    @Test func bracesOpenAndCloseBlocks() {
        #expect(!isAtFileScope(after: ["func f() {"]))
        #expect(isAtFileScope(after: ["func f() {", "  if x { y() }", "}"]))
    }

    @Test(arguments: [
        #"let s = "{""#,
        #"let s = "\"{""#,
        #"let s = "\(f("{"))""#,
        ##"let s = #"{"# + #"\#("{")"#"##,
        "let c = 1 // {",
        "let d = 1 /* { */",
    ])
    func bracesInStringsAndCommentsAreIgnored(line: String) {
        #expect(isAtFileScope(after: [line]))
    }

    @Test func multiLineStringsAndCommentsSpanLines() {
        #expect(!isAtFileScope(after: [#"let s = """"#, "{"]))
        #expect(isAtFileScope(after: [#"let s = """"#, "{", #"""""#]))
        #expect(!isAtFileScope(after: ["/* outer /* inner */", "still a comment {"]))
        #expect(isAtFileScope(after: ["/* outer /* inner */", "done */"]))
    }
}
