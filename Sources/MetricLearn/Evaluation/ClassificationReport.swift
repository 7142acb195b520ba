/// Per-class precision, recall, F1 and support with accuracy and macro / weighted averages: the numbers of
/// scikit-learn's `classification_report` (with `zero_division=0`), as a value. `description` prints it in
/// scikit-learn's layout.
public struct ClassificationReport: Sendable, Hashable, Codable {
    /// Precision, recall, F1 and support of one class or of an average.
    public struct Scores: Sendable, Hashable, Codable {
        /// TP / predicted.
        public let precision: Double
        /// TP / support.
        public let recall: Double
        /// 2·TP / (support + predicted).
        public let f1: Double
        /// The number of true samples (for an average: all samples).
        public let support: Int

        /// Creates scores.
        public init(precision: Double, recall: Double, f1: Double, support: Int) {
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    /// The counts everything else is computed from.
    public let confusionMatrix: ConfusionMatrix
    /// The scores of each class, indexed like `classNames`.
    public let perClass: [Scores]
    /// The fraction of samples classified correctly.
    public let accuracy: Double
    /// The mean recall over the classes that have samples.
    public let balancedAccuracy: Double
    /// The unweighted mean of each score over all classes (classes without samples included, scoring 0).
    public let macroAverage: Scores
    /// The mean of each score over the classes, weighted by support.
    public let weightedAverage: Scores

    /// The report for `trueLabels` against `predictedLabels`, with a row for every class of `classNames`
    /// (default: 0...(the largest label), named "0", "1", …).
    ///
    /// - Throws: as `ConfusionMatrix.init`.
    public init(trueLabels: [Int], predictedLabels: [Int], classNames: [String]? = nil) throws(MetricLearnError) {
        self.init(try ConfusionMatrix(trueLabels: trueLabels, predictedLabels: predictedLabels, classNames: classNames))
    }

    /// The report of a confusion matrix.
    public init(_ confusionMatrix: ConfusionMatrix) {
        let (precision, recall, f1, support) =
            (confusionMatrix.precision, confusionMatrix.recall, confusionMatrix.f1, confusionMatrix.support)
        let total = support.reduce(0, +)
        let classCount = Double(confusionMatrix.classCount)
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / classCount }
        func weighted(_ values: [Double]) -> Double {
            total == 0 ? 0 : zip(values, support).reduce(0) { $0 + $1.0 * Double($1.1) } / Double(total)
        }
        self.confusionMatrix = confusionMatrix
        perClass = support.indices.map {
            Scores(precision: precision[$0], recall: recall[$0], f1: f1[$0], support: support[$0])
        }
        accuracy = confusionMatrix.accuracy
        balancedAccuracy = confusionMatrix.balancedAccuracy
        macroAverage = Scores(precision: mean(precision), recall: mean(recall), f1: mean(f1), support: total)
        weightedAverage = Scores(precision: weighted(precision), recall: weighted(recall), f1: weighted(f1),
                                 support: total)
    }

    /// The class names, one per row of the report.
    public var classNames: [String] { confusionMatrix.classNames }
}
