import Foundation

/// The text layout of scikit-learn's `classification_report`, character for character.
extension ClassificationReport: CustomStringConvertible {
    /// The report with two decimals, as `classification_report(y_true, y_pred, target_names=classNames,
    /// zero_division=0)` prints it.
    public var description: String { formatted(digits: 2) }

    /// The report with `digits` decimals (negative counts as 0).
    ///
    /// Names are right-aligned in a column as wide as the longest class name (at least "weighted avg");
    /// scores take nine characters, one row per class, then accuracy, macro avg and weighted avg.
    public func formatted(digits: Int) -> String {
        let digits = max(0, digits)
        let width = max(classNames.map(\.unicodeScalars.count).max() ?? 0, "weighted avg".count, digits)
        func name(_ text: String) -> String {
            String(repeating: " ", count: max(0, width - text.unicodeScalars.count)) + text + " "
        }
        func number(_ value: Double) -> String { String(format: " %9.\(digits)f", value) }
        func count(_ value: Int) -> String { String(format: " %9d", value) }
        func row(_ heading: String, _ scores: Scores) -> String {
            name(heading) + number(scores.precision) + number(scores.recall) + number(scores.f1)
                + count(scores.support) + "\n"
        }
        let blank = " " + String(repeating: " ", count: 9)
        var text = name("") + ["precision", "recall", "f1-score", "support"]
            .map { " " + String(repeating: " ", count: 9 - $0.count) + $0 }.joined() + "\n\n"
        for (className, scores) in zip(classNames, perClass) { text += row(className, scores) }
        text += "\n"
        text += name("accuracy") + blank + blank + number(accuracy) + count(macroAverage.support) + "\n"
        text += row("macro avg", macroAverage)
        text += row("weighted avg", weightedAverage)
        return text
    }
}
