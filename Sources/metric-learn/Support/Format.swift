import Foundation

/// Number formatting for tables and messages.
enum Format {
    /// `value` with `significant` significant digits, in plain or scientific notation as `%g` chooses.
    static func number(_ value: Double, significant: Int = 6) -> String {
        String(format: "%.\(significant)g", value)
    }

    /// `value` with exactly `decimals` digits after the point.
    static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// `text` as a shell argument for a hint (`--ignore id`, `--categorical 'body mass'`): as it is when it is
    /// made of letters, digits and `_-.,:/=+`, otherwise in single quotes.
    static func argument(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "_-.,:/=+".unicodeScalars.contains($0)
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A duration for people: `0.0031 s`, `0.42 s`, `12.3 s`.
    static func seconds(_ value: Double) -> String {
        "\(number(value, significant: value < 10 ? 2 : 3)) s"
    }
}
