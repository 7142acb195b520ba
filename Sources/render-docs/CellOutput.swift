/// An SVG file an example wrote, and the bytes it had when the cell that wrote it ended.
struct Figure: Hashable {
    /// The file name the example used, e.g. `embedding.svg`.
    let name: String
    let svg: String
}

/// What one code cell produced: the text it printed and the figures it wrote.
struct CellOutput: Hashable {
    var text = ""
    var figures: [Figure] = []

    var isEmpty: Bool { text.isEmpty && figures.isEmpty }

    /// Splits the standard output of an instrumented example (see `Instrumentation`) into the output
    /// of each code cell, keyed by cell index. Output before the first mark belongs to `firstCodeCell`.
    ///
    /// - Throws: when the marks are out of order or the final mark is missing (the example ended early).
    static func split(_ stdout: String, firstCodeCell: Int) throws(RenderError) -> [Int: CellOutput] {
        var outputs: [Int: CellOutput] = [:]
        var current = firstCodeCell
        var didEnd = false
        let records = stdout.split(separator: Instrumentation.separator, omittingEmptySubsequences: false)
        outputs[current, default: CellOutput()].text += records[0]
        for record in records.dropFirst() {
            let header = record.prefix { $0 != "\n" }
            let body = record.dropFirst(min(header.count + 1, record.count))
            guard !didEnd else { throw RenderError("output after the end mark: \(header)") }
            if header.hasPrefix("figure ") {
                outputs[current, default: CellOutput()].figures.append(Figure(name: String(header.dropFirst(7)),
                                                                                svg: String(body)))
                continue
            }
            if header == "end" {
                didEnd = true
            } else if header.hasPrefix("cell "), let next = Int(header.dropFirst(5)), next > current {
                current = next
            } else {
                throw RenderError("unexpected mark '\(header)' after cell \(current)")
            }
            outputs[current, default: CellOutput()].text += body
        }
        guard didEnd else { throw RenderError("the example stopped in cell \(current) before its end") }
        return outputs.filter { !$0.value.isEmpty }
    }
}
