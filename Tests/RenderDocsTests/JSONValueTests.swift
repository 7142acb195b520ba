@testable import render_docs
import Testing

@Suite struct JSONValueTests {
    /// The expected text is what Python's `json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)` prints.
    @Test func matchesPythonsIndentedSortedForm() {
        let value = JSONValue.object([
            "b": .array([.int(1), .string("x"), .int(-2)]),
            "a": .object([:]),
            "c": .array([]),
            "Z": .string("µ"),
        ])
        #expect(value.serialized == """
            {
             "Z": "µ",
             "a": {},
             "b": [
              1,
              "x",
              -2
             ],
             "c": []
            }
            """)
    }

    @Test func escapesLikePython() {
        let text = JSONValue.string("q\" b\\ n\n r\r t\t \u{08}\u{0C} \u{01}\u{1E} / \u{7F} é").serialized
        #expect(text == #""q\" b\\ n\n r\r t\t \b\f \u0001\u001e / \#u{7F} é""#)
    }
}
