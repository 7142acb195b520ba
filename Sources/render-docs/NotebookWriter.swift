/// Writes a rendered example as a Jupyter notebook (nbformat 4.5) for a Swift kernel.
///
/// Prose cells become `markdown` cells, code cells `code` cells numbered 1, 2, 3, … with their
/// output as a `stream` (stdout) followed by one `display_data` (`image/svg+xml`) per figure.
/// Cell ids are `<slug>-<cell index>`, so they are stable across renders.
enum NotebookWriter {
    static func notebook(for example: Example, outputs: [Int: CellOutput]) -> String {
        var executionCount = 0
        let cells = example.cells.enumerated().map { index, cell -> JSONValue in
            let id = JSONValue.string("\(example.slug)-\(index)")
            switch cell.kind {
            case .prose:
                return .object(["cell_type": .string("markdown"), "id": id, "metadata": .object([:]),
                                "source": lines(cell.text)])
            case .code:
                executionCount += 1
                return .object(["cell_type": .string("code"), "execution_count": .int(executionCount), "id": id,
                                "metadata": .object([:]), "outputs": .array(outputJSON(outputs[index] ?? CellOutput())),
                                "source": lines(cell.text)])
            }
        }
        let metadata = JSONValue.object([
            "kernelspec": .object(["display_name": .string("Swift"), "language": .string("swift"),
                                   "name": .string("swift")]),
            "language_info": .object(["file_extension": .string(".swift"), "mimetype": .string("text/x-swift"),
                                      "name": .string("swift")]),
        ])
        let notebook = JSONValue.object(["cells": .array(cells), "metadata": metadata,
                                         "nbformat": .int(4), "nbformat_minor": .int(5)])
        return notebook.serialized + "\n"
    }

    private static func outputJSON(_ output: CellOutput) -> [JSONValue] {
        var result: [JSONValue] = []
        if !output.text.isEmpty {
            result.append(.object(["name": .string("stdout"), "output_type": .string("stream"),
                                   "text": lines(output.text)]))
        }
        for figure in output.figures {
            result.append(.object([
                "data": .object(["image/svg+xml": lines(figure.svg), "text/plain": lines("<Figure \(figure.name)>")]),
                "metadata": .object([:]),
                "output_type": .string("display_data"),
            ]))
        }
        return result
    }

    /// A multi-line string as nbformat stores it: a list of lines that keep their terminators,
    /// split where Python's `str.splitlines(keepends=True)` splits.
    static func lines(_ text: String) -> JSONValue {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}",
                                           "\u{85}", "\u{2028}", "\u{2029}"]
        var result: [JSONValue] = []
        var line = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            line.append(scalar)
            let isCarriageReturnBeforeNewline = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if breaks.contains(scalar), !isCarriageReturnBeforeNewline {
                result.append(.string(String(line)))
                line = String.UnicodeScalarView()
            }
        }
        if !line.isEmpty { result.append(.string(String(line))) }
        return .array(result)
    }
}
