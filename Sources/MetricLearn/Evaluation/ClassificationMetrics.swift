/// Single-number classification scores from true and predicted class indices.
///
/// For per-class scores and averages build a `ConfusionMatrix` or a `ClassificationReport`.
public enum ClassificationMetrics {
    /// The fraction of positions where `predictedLabels` equals `trueLabels` (scikit-learn's `accuracy_score`).
    ///
    /// - Throws: `emptyInput` for no labels, `labelCountMismatch` when the arrays differ in length.
    public static func accuracy(trueLabels: [Int], predictedLabels: [Int]) throws(MetricLearnError) -> Double {
        guard !trueLabels.isEmpty else { throw .emptyInput(what: "no labels to compare") }
        guard predictedLabels.count == trueLabels.count else {
            throw .labelCountMismatch(sampleCount: trueLabels.count, labelCount: predictedLabels.count)
        }
        let correct = zip(trueLabels, predictedLabels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(trueLabels.count)
    }

    /// The mean per-class recall over the classes present in `trueLabels` (scikit-learn's
    /// `balanced_accuracy_score`); equals accuracy when classes are balanced.
    ///
    /// - Throws: as `ConfusionMatrix.init`.
    public static func balancedAccuracy(trueLabels: [Int], predictedLabels: [Int]) throws(MetricLearnError) -> Double {
        try ConfusionMatrix(trueLabels: trueLabels, predictedLabels: predictedLabels).balancedAccuracy
    }
}
