/// Counts of (true class, predicted class) pairs, with the per-class scores derived from them.
///
/// Rows are true classes and columns predicted classes, both in class-index order, as scikit-learn's
/// `confusion_matrix(y_true, y_pred, labels=range(classCount))`. Every ratio whose denominator is 0 is 0
/// (scikit-learn's `zero_division=0`).
public struct ConfusionMatrix: Sendable, Hashable, Codable {
    /// The name of each class, indexed like the rows and columns.
    public let classNames: [String]
    /// `counts[t][p]`: how many samples of true class t were predicted as class p.
    public let counts: [[Int]]

    /// Counts the pairs of `trueLabels` and `predictedLabels` (class indices).
    ///
    /// `classNames` fixes the classes (and may include classes that never occur); without it the classes are
    /// 0...(the largest label), named "0", "1", ….
    /// - Throws: `emptyInput` for no labels, `labelCountMismatch` when the arrays differ in length,
    ///   `invalidParameter` for a label that is negative or has no class name.
    public init(trueLabels: [Int], predictedLabels: [Int], classNames: [String]? = nil) throws(MetricLearnError) {
        guard !trueLabels.isEmpty else { throw .emptyInput(what: "no labels to compare") }
        guard predictedLabels.count == trueLabels.count else {
            throw .labelCountMismatch(sampleCount: trueLabels.count, labelCount: predictedLabels.count)
        }
        let names = classNames ?? (0...max(trueLabels.max() ?? 0, predictedLabels.max() ?? 0)).map(String.init)
        for (name, labels) in [("trueLabels", trueLabels), ("predictedLabels", predictedLabels)] {
            if let bad = labels.first(where: { $0 < 0 || $0 >= names.count }) {
                throw .invalidParameter(name: name, value: String(bad),
                                        requirement: "must be a class index in 0..<\(names.count)")
            }
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: names.count), count: names.count)
        for (truth, prediction) in zip(trueLabels, predictedLabels) { counts[truth][prediction] += 1 }
        self.classNames = names
        self.counts = counts
    }

    /// The number of classes.
    public var classCount: Int { classNames.count }

    /// The number of samples.
    public var sampleCount: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The number of correctly classified samples of each class (the diagonal).
    public var truePositives: [Int] { (0..<classCount).map { counts[$0][$0] } }

    /// The number of samples of each true class (row sums).
    public var support: [Int] { counts.map { $0.reduce(0, +) } }

    /// The number of samples predicted as each class (column sums).
    public var predictedCounts: [Int] { (0..<classCount).map { p in counts.reduce(0) { $0 + $1[p] } } }

    /// The fraction of samples classified correctly, Σ diagonal / n.
    public var accuracy: Double { Double(truePositives.reduce(0, +)) / Double(sampleCount) }

    /// Precision of each class, TP / predicted (0 when the class is never predicted).
    public var precision: [Double] { zip(truePositives, predictedCounts).map(Self.ratio) }

    /// Recall of each class, TP / support (0 when the class has no samples).
    public var recall: [Double] { zip(truePositives, support).map(Self.ratio) }

    /// F1 of each class, 2·TP / (support + predicted), the harmonic mean of precision and recall (0 when both
    /// counts are 0).
    public var f1: [Double] {
        zip(truePositives, zip(support, predictedCounts)).map { Self.ratio(2 * $0, $1.0 + $1.1) }
    }

    /// The mean recall over the classes that have samples (scikit-learn's `balanced_accuracy_score`: classes
    /// that are only predicted, never true, are left out).
    public var balancedAccuracy: Double {
        let present = (0..<classCount).filter { support[$0] > 0 }
        let recall = recall
        return present.reduce(0) { $0 + recall[$1] } / Double(present.count)
    }

    /// numerator / denominator, or 0 when the denominator is 0.
    static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
