/// Wording of CSV error messages about a cell's text.
enum CSVCell {
    /// The longest cell text quoted in full in a message.
    static let maximumQuotedLength = 40

    /// `text` in single quotes for an error message: control characters escaped, cut to
    /// `maximumQuotedLength` characters with an ellipsis.
    static func quoted(_ text: String) -> String {
        var shown = ""
        var length = 0
        for scalar in text.unicodeScalars {
            guard length < maximumQuotedLength else {
                shown += "…"
                break
            }
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default: shown.unicodeScalars.append(scalar)
            }
            length += 1
        }
        return "'\(shown)'"
    }

    /// Whether `text` (already trimmed) is a common spelling of a missing or non-finite value:
    /// `nan`, `na`, `n/a`, `#n/a`, `null`, `none`, `inf`, `infinity`, in any case, signed or not.
    static func isMissingOrNonFiniteMarker(_ text: String) -> Bool {
        var word = Substring(text.lowercased())
        if word.first == "+" || word.first == "-" { word = word.dropFirst() }
        return ["nan", "na", "n/a", "#n/a", "null", "none", "inf", "infinity"].contains(word)
    }

    /// The value an accepted non-finite marker stands for: ±∞ for infinities, NaN otherwise.
    static func nonFiniteValue(ofMarker text: String) -> Double {
        let word = text.lowercased()
        if word.hasSuffix("inf") || word.hasSuffix("infinity") { return word.hasPrefix("-") ? -.infinity : .infinity }
        return .nan
    }
}
