/// Builds the text of an SVG 1.1 document element by element, with attributes in the order given.
///
/// Numbers are formatted by `PlotNumberFormat` and text is XML-escaped, so the same drawing calls
/// always give the same bytes. No element gets an `id`: documents can be inlined side by side.
struct SVGCanvas {
    /// How text is anchored at its (x, y) position.
    enum Anchor: String {
        case start, middle, end
    }

    let width: Int
    let height: Int
    private var body: [String] = []
    private var depth = 1

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The complete document: the root `svg` element with `xmlns`, a `title`, a white background and the body.
    func document(title: String) -> String {
        let size = "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
        var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \(size) "
            + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"]
        if !title.isEmpty { lines.append("  <title>\(Self.escaped(title))</title>") }
        lines.append("  <rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Opens a `g` element; every element until the matching `closeGroup()` inherits its attributes.
    mutating func openGroup(_ attributes: [(String, String)]) {
        body.append(indent + "<g" + Self.attributeText(attributes) + ">")
        depth += 1
    }

    /// Closes the innermost open group.
    mutating func closeGroup() {
        depth -= 1
        body.append(indent + "</g>")
    }

    /// A straight line segment.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ attributes: [(String, String)] = []) {
        element("line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2))] + attributes)
    }

    /// A circle of radius `r` centred at (cx, cy).
    mutating func circle(_ cx: Double, _ cy: Double, r: Double, _ attributes: [(String, String)] = []) {
        element("circle", [("cx", number(cx)), ("cy", number(cy)), ("r", number(r))] + attributes)
    }

    /// An axis-aligned rectangle.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, _ attributes: [(String, String)] = []) {
        element("rect", [("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height))]
            + attributes)
    }

    /// An open polyline through `points`.
    mutating func polyline(_ points: [(x: Double, y: Double)], _ attributes: [(String, String)] = []) {
        let text = points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
        element("polyline", [("points", text), ("fill", "none")] + attributes)
    }

    /// A text label at (x, y), optionally rotated about that point by `rotation` degrees.
    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, rotation: Double = 0,
                       _ attributes: [(String, String)] = []) {
        var all = [("x", number(x)), ("y", number(y))]
        if anchor != .start { all.append(("text-anchor", anchor.rawValue)) }
        if rotation != 0 { all.append(("transform", "rotate(\(number(rotation)) \(number(x)) \(number(y)))")) }
        body.append(indent + "<text" + Self.attributeText(all + attributes) + ">" + Self.escaped(content) + "</text>")
    }

    /// `text` with the five XML special characters replaced by entities (valid in content and attributes).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An estimate of the rendered width of `text` in a sans-serif font of `fontSize` pixels.
    static func estimatedWidth(of text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    private mutating func element(_ name: String, _ attributes: [(String, String)]) {
        body.append(indent + "<" + name + Self.attributeText(attributes) + "/>")
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private func number(_ value: Double) -> String { PlotNumberFormat.coordinate(value) }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
    }
}
