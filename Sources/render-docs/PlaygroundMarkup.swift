/// One cell of a literate example: Markdown prose or Swift code.
struct SourceCell: Hashable {
    /// What a cell holds.
    enum Kind: Hashable {
        case prose, code
    }

    let kind: Kind
    /// The cell's lines without line terminators (prose without its `//:` or `/*: */` markup).
    var lines: [String]
    /// The 1-based source line of the cell's first line (code cells) or of its first markup line (prose).
    let firstLine: Int

    /// The lines joined with newlines.
    var text: String { lines.joined(separator: "\n") }
}

/// Splits Swift Playground markup into cells.
///
/// `//:` lines and `/*: … */` blocks at file scope are Markdown prose; every other line is code.
/// Consecutive lines of one kind form a cell. Code cells lose their leading and trailing blank
/// lines and are dropped when nothing else is left; prose cells that then meet are merged, with a
/// blank line between. Markup inside a `{ … }` block, a comment or a string stays code, so a
/// code cell always starts at file scope (where the renderer can insert a statement).
enum PlaygroundMarkup {
    static func cells(in source: String) -> [SourceCell] {
        var lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        if lines.last == "" { lines.removeLast() }

        var raw: [SourceCell] = []
        func append(_ kind: SourceCell.Kind, _ line: String, number: Int) {
            if raw.last?.kind == kind { raw[raw.count - 1].lines.append(line) }
            else { raw.append(SourceCell(kind: kind, lines: [line], firstLine: number)) }
        }

        var scanner = SwiftBlockScanner()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if scanner.isAtFileScope, trimmed.hasPrefix("//:") {
                append(.prose, removingOneSpace(trimmed.dropFirst(3)), number: index + 1)
                index += 1
            } else if scanner.isAtFileScope, trimmed.hasPrefix("/*:") {
                let (block, next) = proseBlock(lines, openingAt: index)
                for (offset, text) in block.enumerated() { append(.prose, text, number: index + 1 + offset) }
                index = next
            } else {
                append(.code, line, number: index + 1)
                scanner.scan(line: line)
                index += 1
            }
        }
        return tidy(raw)
    }

    /// The lines of the `/*: … */` block opening at `start` (common indentation removed) and the index after it.
    private static func proseBlock(_ lines: [String], openingAt start: Int) -> ([String], Int) {
        var body: [String] = []
        var index = start
        var rest = removingOneSpace(lines[start].drop { $0 == " " || $0 == "\t" }.dropFirst(3))
        while true {
            if let close = rest.firstRange(of: "*/") {
                var last = rest[..<close.lowerBound]
                while last.last?.isWhitespace == true { last.removeLast() }
                body.append(String(last))
                index += 1
                break
            }
            body.append(rest)
            index += 1
            guard index < lines.count else { break }
            rest = lines[index]
        }
        if body.first?.allSatisfy(\.isWhitespace) == true { body.removeFirst() }
        if body.last?.allSatisfy(\.isWhitespace) == true { body.removeLast() }
        let indentation = body.filter { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return (body.map { String($0.dropFirst(min(indentation, $0.count))) }, index)
    }

    private static func removingOneSpace(_ text: Substring) -> String {
        String(text.hasPrefix(" ") ? text.dropFirst() : text)
    }

    /// Trims blank lines off code cells, drops empty ones, merges prose cells that become neighbours.
    private static func tidy(_ raw: [SourceCell]) -> [SourceCell] {
        var cells: [SourceCell] = []
        for cell in raw {
            let isBlank: (String) -> Bool = { $0.allSatisfy(\.isWhitespace) }
            guard let first = cell.lines.firstIndex(where: { !isBlank($0) }),
                  let last = cell.lines.lastIndex(where: { !isBlank($0) }) else { continue }
            let lines = Array(cell.lines[first...last])
            if cell.kind == .prose, cells.last?.kind == .prose {
                cells[cells.count - 1].lines += [""] + lines
            } else {
                let firstLine = cell.kind == .code ? cell.firstLine + first : cell.firstLine
                cells.append(SourceCell(kind: cell.kind, lines: lines, firstLine: firstLine))
            }
        }
        return cells
    }
}
