import Foundation
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

    /// Each learner's evaluation of kind `Evaluation` (classification or regression), in order.
    func run<Evaluation: ComparedEvaluation>(_ learners: [LearnerName], as _: Evaluation.Type = Evaluation.self)
        throws(CommandFailure) -> [Evaluation] {
        var evaluations: [Evaluation] = []
        for learner in learners {
            if StandardError.isTerminal { StandardError.write("\r\u{1B}[Kcross-validating \(learner.rawValue)…") }
            let evaluation = try withFile(path, .input, options: Self.optionNames) { () throws(MetricLearnError) in
                try Evaluation(learner, on: data, settings: settings)
            }
            evaluations.append(evaluation)
        }
        if StandardError.isTerminal { StandardError.write("\r\u{1B}[K") }
        for evaluation in evaluations where !evaluation.run.didConvergeAllFolds {
            StandardError.warn("\(evaluation.learner) did not converge in "
                               + "\(evaluation.run.folds - evaluation.run.convergedFolds) of \(evaluation.run.folds) folds")
        }
        return evaluations
    }

    /// `evaluations` as a pretty-printed JSON array with sorted keys, or an internal failure (encoding plain
    /// numbers cannot fail).
    static func json(_ evaluations: [some ComparedEvaluation]) throws(CommandFailure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(evaluations), as: UTF8.self)
        } catch {
            throw CommandFailure(message: "internal error: cannot encode the results: \(error)", exitCode: .internalError)
        }
    }
}

/// One learner's cross-validation as `evaluate` compares it: `LearnerEvaluation` (class labels) or
/// `RegressionEvaluation` (regression targets).
protocol ComparedEvaluation: Encodable {
    /// The learner's command-line name.
    var learner: String { get }
    /// Its timings, iterations, convergence and the settings.
    var run: EvaluationRun { get }
    /// Cross-validates `learner` on `data` as `settings` say.
    init(_ learner: LearnerName, on data: TrainingTable, settings: EvaluationSettings) throws(MetricLearnError)
    /// The comparison table of `evaluations`, one row each.
    static func table(_ evaluations: [Self]) -> String
}
