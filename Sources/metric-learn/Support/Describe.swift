import MetricLearn

/// Sentences about fits, shared by `fit`, `info`, `evaluate` and `demo`.
enum Describe {
    /// `37 iterations, converged, 0.031 s` (closed-form fits: `closed form, 0.0004 s`).
    static func fit(_ report: FitReport) -> String {
        let solver = report.iterations == 0 && report.objectiveHistory.isEmpty
            ? "closed form"
            : report.details["stochastic"] == 1
            ? "stochastic, \(report.iterations) epoch\(report.iterations == 1 ? "" : "s"), "
                + (report.didConverge ? "stopped early" : "every epoch")
            : "\(report.iterations) iteration\(report.iterations == 1 ? "" : "s"), "
                + (report.didConverge ? "converged" : "did not converge")
        return "\(solver), \(Format.seconds(report.fitSeconds))"
    }

    /// An `auto` fit's inner cross-validation, best first: `nca (chosen) 0.967 ± 0.021, lmnn 0.960 ± 0.030, …`
    /// (mean k-NN accuracy ± its standard deviation over the inner folds), failed candidates last with their error.
    static func ranking(_ ranking: LearnerRanking) -> String {
        ranking.entries.enumerated().map { index, entry in
            let name = entry.name + (index == 0 ? " (chosen)" : "")
            guard let accuracy = entry.accuracy else { return "\(name) failed (\(entry.failure ?? "error"))" }
            return "\(name) \(Format.fixed(accuracy.mean, decimals: 3)) ± \(Format.fixed(accuracy.standardDeviation, decimals: 3))"
        }.joined(separator: ", ")
    }

    /// What `--standardize` did, for `fit` and `info` (a model whose `report.details["standardized"]` is 1).
    static let standardization = "learned on standardised features, with the scaling folded into the components "
        + "(they apply to raw features)"

    /// The warning for a fit that stopped at its iteration limit (a stochastic one: at its epoch limit, before early
    /// stopping).
    static func nonConvergence(of learner: String, report: FitReport) -> String {
        let plural = report.iterations == 1 ? "" : "s"
        if report.details["stochastic"] == 1 {
            return "\(learner) took all \(report.iterations) epoch\(plural) without stopping early; the result is usable "
                + "but may improve with a larger --epochs"
        }
        return "\(learner) did not converge in \(report.iterations) iteration\(plural); the result is usable but may "
            + "improve with a larger --max-iterations or --tolerance"
    }
}
