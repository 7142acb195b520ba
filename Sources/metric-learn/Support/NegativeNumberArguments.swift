/// Negative numbers given as option values: `--tolerance -1` reaches the parser as `--tolerance=-1`.
///
/// swift-argument-parser reads a word that starts with `-` as the next option, so `--tolerance -1` would be
/// reported as a missing value instead of by the parameter's rule ("invalid --tolerance -1.0: must be finite and
/// non-negative"). Attaching only words that are whole numbers keeps the parser's own messages everywhere else: a
/// forgotten value (`--tolerance --output m.json`) is still "missing", not the next option taken as the value.
enum NegativeNumberArguments {
    /// `arguments` with each negative number that follows a long option (`--name`, no `=`) joined to it with `=`.
    static func attached(_ arguments: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(arguments.count)
        for argument in arguments {
            if isNegativeNumber(argument), let option = result.last, option.hasPrefix("--"), option.count > 2,
               !option.contains("=") {
                result[result.count - 1] = option + "=" + argument
            } else {
                result.append(argument)
            }
        }
        return result
    }

    /// Whether `word` is a minus sign and a number as the options parse them: digits with an optional fraction and
    /// exponent, `inf`, `infinity` or `nan` (any case).
    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        let body = word.dropFirst()
        if ["inf", "infinity", "nan"].contains(body.lowercased()) { return true }
        return body.wholeMatch(of: /([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?/) != nil
    }
}
