import Foundation

extension [LearnerEvaluation] {
    /// The comparison table: learner, accuracy mean ± std, balanced accuracy, median fit time,
    /// median iterations, folds that converged.
    var table: String {
        var table = TextTable([("learner", .left), ("accuracy", .left), ("balanced acc.", .right),
                               ("fit time (median)", .right), ("iterations", .right), ("converged", .right)])
        for row in self {
            table.append([
                row.learner,
                "\(Format.fixed(row.accuracyMean, decimals: 3)) ± \(Format.fixed(row.accuracyStd, decimals: 3))",
                Format.fixed(row.balancedAccuracyMean, decimals: 3),
                Format.seconds(row.fitSecondsMedian),
                Format.number(row.iterationsMedian),
                "\(row.convergedFolds)/\(row.folds)",
            ])
        }
        return table.text
    }

    /// The evaluations as a pretty-printed JSON array with sorted keys.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
