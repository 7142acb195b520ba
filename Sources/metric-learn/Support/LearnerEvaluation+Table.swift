extension LearnerEvaluation {
    /// The comparison table: learner, accuracy mean ± std, balanced accuracy, median fit time,
    /// median iterations, folds that converged.
    static func table(_ evaluations: [LearnerEvaluation]) -> String {
        comparisonTable(evaluations, scores: [("accuracy", .left), ("balanced acc.", .right)]) { row in
            ["\(Format.fixed(row.accuracyMean, decimals: 3)) ± \(Format.fixed(row.accuracyStd, decimals: 3))",
             Format.fixed(row.balancedAccuracyMean, decimals: 3)]
        }
    }
}

extension RegressionEvaluation {
    /// The comparison table: learner, R² mean ± std, mean RMSE and MAE (in the targets' units), median fit time,
    /// median iterations, folds that converged.
    static func table(_ evaluations: [RegressionEvaluation]) -> String {
        comparisonTable(evaluations, scores: [("R²", .left), ("RMSE", .right), ("MAE", .right)]) { row in
            ["\(Format.fixed(row.r2Mean, decimals: 3)) ± \(Format.fixed(row.r2Std, decimals: 3))",
             Format.number(row.rmseMean, significant: 4), Format.number(row.maeMean, significant: 4)]
        }
    }
}

extension ComparedEvaluation {
    /// A table of the learner, the `scores` columns (`cells` of each row), then the median fit time, the median
    /// iterations and the folds that converged.
    static func comparisonTable(_ evaluations: [Self], scores: [(String, TextTable.Alignment)],
                                cells: (Self) -> [String]) -> String {
        var table = TextTable([("learner", .left)] + scores
                              + [("fit time (median)", .right), ("iterations", .right), ("converged", .right)])
        for row in evaluations {
            table.append([row.learner] + cells(row) + [
                Format.seconds(row.run.fitSecondsMedian),
                Format.number(row.run.iterationsMedian),
                "\(row.run.convergedFolds)/\(row.run.folds)",
            ])
        }
        return table.text
    }
}
