import ArgumentParser
import Foundation
import MetricLearn

/// `metric-learn evaluate-pairs --metric M.json --input X.csv --pairs P.csv [--json] [--plot roc.svg]`.
struct EvaluatePairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-pairs",
        abstract: "Measure how well a model tells similar pairs from dissimilar ones on labelled pairs.",
        discussion: """
            Prints the ROC-AUC, the equal error rate, the average precision, accuracy and F1 at the model's \
            threshold (or --threshold; left out when there is none), and the true-positive rate at each --fpr (the \
            best rate of a threshold whose false-positive rate is at most it). --json prints one object with the \
            keys rocAuc, equalErrorRate, averagePrecision, threshold, accuracy, f1 (null without a threshold), \
            tprAtFpr (keyed by the false-positive rate as text) and pairCount, similarPairCount. --plot writes the \
            ROC curve as an SVG figure.
            """
    )

    @OptionGroup var input: PairInputOptions

    @Option(name: .customLong("fpr"), parsing: .upToNextOption,
            help: ArgumentHelp("False-positive rates to report the true-positive rate at.", valueName: "rate"))
    var falsePositiveRates: [Double] = PairVerificationReport.defaultFalsePositiveRates

    @Flag(help: "Print only a JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Write the ROC curve to this SVG file.", valueName: "roc.svg"))
    var plot: String?

    func validate() throws {
        if let bad = falsePositiveRates.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw ValidationError("--fpr must be in [0, 1], not \(bad)")
        }
    }

    func run() throws(CommandFailure) {
        let (model, features, list) = try input.read()
        let threshold = try input.threshold(of: model)
        let similar = try withFile(input.pairs, .input) { () throws(MetricLearnError) in
            _ = try list.constraints()
            return list.similar ?? []
        }
        let rates = falsePositiveRates
        let report = try withFile(input.input, .input) { () throws(MetricLearnError) in
            try PairVerificationReport(distances: model.metric.pairDistances(features, pairs: list.pairs),
                                       similar: similar, threshold: threshold?.distance, falsePositiveRates: rates)
        }
        if let plot {
            let title = "ROC of \(model.learner) on \((input.pairs as NSString).lastPathComponent)"
            try withFile(plot, .output) { () throws(MetricLearnError) in
                try report.rocCurve.chart(name: model.learner, title: title).write(toFile: plot)
            }
        }
        if json {
            print(try Self.json(report))
            return
        }
        print("pairs: \(report.pairCount) from \(input.pairs) (\(report.similarPairCount) similar, "
              + "\(report.pairCount - report.similarPairCount) dissimilar)")
        var rows: [(String, String)] = [("ROC-AUC", Self.rate(report.rocAuc)),
                                        ("equal error rate", Self.rate(report.equalErrorRate)),
                                        ("average precision", Self.rate(report.averagePrecision))]
        if let threshold, let accuracy = report.accuracy, let f1 = report.f1 {
            rows += [("threshold", Describe.threshold(threshold)), ("accuracy", Self.rate(accuracy)),
                     ("F1", Self.rate(f1))]
        } else {
            rows.append(("threshold", "none (the model has none: give --threshold, or calibrate with 'pairs --calibrate')"))
        }
        rows += report.operatingPoints.map { ("TPR at FPR \($0.falsePositiveRate)", Self.rate($0.truePositiveRate)) }
        let width = rows.map(\.0.count).max() ?? 0
        for (key, value) in rows { print("\(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)") }
        if let plot { print("wrote \(plot)") }
    }

    private static func rate(_ value: Double) -> String { Format.fixed(value, decimals: 4) }

    /// The report as the documented JSON object.
    private static func json(_ report: PairVerificationReport) throws(CommandFailure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(PairEvaluationJSON(report)), as: UTF8.self)
        } catch {
            throw CommandFailure(message: "internal error: cannot encode the evaluation: \(error)", exitCode: .internalError)
        }
    }
}

extension EvaluatePairsCommand: FileCommand {
    var inputFiles: [FileOperand] { input.files }
    var outputFiles: [FileOperand] { plot.map { [FileOperand(option: "--plot", path: $0)] } ?? [] }
}

/// `evaluate-pairs --json`: the pinned keys, with null for what needs a threshold the model does not have.
private struct PairEvaluationJSON: Encodable {
    let report: PairVerificationReport

    init(_ report: PairVerificationReport) { self.report = report }

    private enum Key: String, CodingKey {
        case rocAuc, equalErrorRate, averagePrecision, threshold, accuracy, f1, tprAtFpr, pairCount, similarPairCount
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(report.rocAuc, forKey: .rocAuc)
        try container.encode(report.equalErrorRate, forKey: .equalErrorRate)
        try container.encode(report.averagePrecision, forKey: .averagePrecision)
        try container.encode(report.threshold, forKey: .threshold)
        try container.encode(report.accuracy, forKey: .accuracy)
        try container.encode(report.f1, forKey: .f1)
        try container.encode(Dictionary(report.operatingPoints.map { ("\($0.falsePositiveRate)", $0.truePositiveRate) }) { $1 },
                             forKey: .tprAtFpr)
        try container.encode(report.pairCount, forKey: .pairCount)
        try container.encode(report.similarPairCount, forKey: .similarPairCount)
    }
}
