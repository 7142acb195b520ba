@testable import render_docs
import Testing

@Suite struct NotebookWriterTests {
    let example = Example(slug: "01-demo", sourcePath: "Examples/01-demo/main.swift", source: """
        //: # Demo
        print("hi")
        //: Silent:
        let x = 1
        //: Drawn:
        try plot.write(toFile: "p.svg")
        """)

    /// Checked with nbformat 5.11: `nbformat.validate` accepts it and `nbformat.writes(nbformat.reads(text, 4))`
    /// gives back the same text.
    @Test func writesNbformat45InJupytersOwnLayout() {
        let outputs = [1: CellOutput(text: "hi\n"), 5: CellOutput(figures: [Figure(name: "p.svg", svg: "<svg>\n</svg>\n")])]
        #expect(NotebookWriter.notebook(for: example, outputs: outputs) == """
            {
             "cells": [
              {
               "cell_type": "markdown",
               "id": "01-demo-0",
               "metadata": {},
               "source": [
                "# Demo"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": 1,
               "id": "01-demo-1",
               "metadata": {},
               "outputs": [
                {
                 "name": "stdout",
                 "output_type": "stream",
                 "text": [
                  "hi\\n"
                 ]
                }
               ],
               "source": [
                "print(\\"hi\\")"
               ]
              },
              {
               "cell_type": "markdown",
               "id": "01-demo-2",
               "metadata": {},
               "source": [
                "Silent:"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": 2,
               "id": "01-demo-3",
               "metadata": {},
               "outputs": [],
               "source": [
                "let x = 1"
               ]
              },
              {
               "cell_type": "markdown",
               "id": "01-demo-4",
               "metadata": {},
               "source": [
                "Drawn:"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": 3,
               "id": "01-demo-5",
               "metadata": {},
               "outputs": [
                {
                 "data": {
                  "image/svg+xml": [
                   "<svg>\\n",
                   "</svg>\\n"
                  ],
                  "text/plain": [
                   "<Figure p.svg>"
                  ]
                 },
                 "metadata": {},
                 "output_type": "display_data"
                }
               ],
               "source": [
                "try plot.write(toFile: \\"p.svg\\")"
               ]
              }
             ],
             "metadata": {
              "kernelspec": {
               "display_name": "Swift",
               "language": "swift",
               "name": "swift"
              },
              "language_info": {
               "file_extension": ".swift",
               "mimetype": "text/x-swift",
               "name": "swift"
              }
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }

            """)
    }

    @Test func linesSplitWherePythonSplits() {
        #expect(NotebookWriter.lines("a\r\nb\rc\nd") == .array([.string("a\r\n"), .string("b\r"), .string("c\n"), .string("d")]))
        #expect(NotebookWriter.lines("") == .array([]))
    }
}
