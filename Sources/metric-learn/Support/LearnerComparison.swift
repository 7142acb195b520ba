import MetricLearn

/// Cross-validates several learners on one dataset for `evaluate` and `demo`: a status line on a
/// terminal while it works, a warning for learners that did not converge in every fold.
struct LearnerComparison {
    let data: TrainingTable
    /// The data file, for error messages (nil for bundled data).
    let path: String?
    let settings: EvaluationSettings

    /// Library parameter names spelled as `evaluate`'s options.
    private static let optionNames = ["neighborCount": "neighbors", "foldCount": "folds"]

    func run(_ learners: [LearnerName]) throws(CommandFailure) -> [LearnerEvaluation] {
        var evaluations: [LearnerEvaluation] = []
        for learner in learners {
            if StandardError.isTerminal { StandardError.write("\r\u{1B}[Kcross-validating \(learner.rawValue)…") }
            let evaluation = try withFile(path, .input, options: Self.optionNames) { () throws(MetricLearnError) in
                try LearnerEvaluation(learner, on: data, settings: settings)
            }
            evaluations.append(evaluation)
        }
        if StandardError.isTerminal { StandardError.write("\r\u{1B}[K") }
        for evaluation in evaluations where !evaluation.didConvergeAllFolds {
            StandardError.warn("\(evaluation.learner) did not converge in \(evaluation.folds - evaluation.convergedFolds) "
                               + "of \(evaluation.folds) folds")
        }
        return evaluations
    }

    /// `evaluations` as JSON text, or an internal failure (encoding plain numbers cannot fail).
    static func json(_ evaluations: [LearnerEvaluation]) throws(CommandFailure) -> String {
        do {
            return try evaluations.json()
        } catch {
            throw CommandFailure(message: "internal error: cannot encode the results: \(error)", exitCode: .internalError)
        }
    }
}
