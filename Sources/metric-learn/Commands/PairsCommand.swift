import ArgumentParser
import Foundation
import MetricLearn

/// `metric-learn pairs --metric M.json --input X.csv --pairs P.csv --output S.csv [--calibrate --strategy S
/// [--beta B] [--min-rate R] --output-metric M2.json]`.
struct PairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs",
        abstract: "Score pairs of rows with a model: each pair's distance, score and prediction (similar or not).",
        discussion: """
            The output has one row per pair, in the order of the pairs file: first,second (as written there), \
            distance (the learned distance), score (−distance: higher is more similar), prediction (1 when the \
            distance is at most the threshold, else -1) and, when the pairs file has it, similar (1 or -1). The \
            threshold is the model's (fitted on pairs, or calibrated before), or --threshold. With --calibrate the \
            given pairs, which must be labelled (validation pairs), calibrate a new threshold; the predictions use \
            it and the model is written with it to --output-metric. Nothing is written when a pair is bad.
            """
    )

    @OptionGroup var input: PairInputOptions

    @Option(help: ArgumentHelp("Where to write the scores (CSV).", valueName: "scores.csv"))
    var output: String

    @Flag(help: ArgumentHelp("Calibrate the threshold on these labelled pairs (see --strategy) and write the model "
                             + "with it to --output-metric."))
    var calibrate = false

    @OptionGroup var calibration: CalibrationOptions

    @Option(name: .customLong("output-metric"),
            help: ArgumentHelp("With --calibrate: where to write the model with the calibrated threshold (JSON).",
                               valueName: "model.json"))
    var outputMetric: String?

    func validate() throws {
        if calibrate {
            guard outputMetric != nil else { throw ValidationError("--calibrate needs --output-metric for the calibrated model") }
            if input.threshold != nil { throw ValidationError("--threshold and --calibrate cannot be combined") }
        } else {
            if outputMetric != nil { throw ValidationError("--output-metric applies with --calibrate only") }
            if calibration.isGiven { throw ValidationError("--strategy, --beta and --min-rate apply with --calibrate only") }
        }
    }

    func run() throws(CommandFailure) {
        let (model, features, list) = try input.read()
        let distances = try withFile(input.input, .input) { () throws(MetricLearnError) in
            try model.metric.pairDistances(features, pairs: list.pairs)
        }
        let threshold: PairThreshold
        if calibrate {
            let strategy = calibration.libraryStrategy
            threshold = try withFile(input.pairs, .input) { () throws(MetricLearnError) in
                _ = try list.constraints()
                return try PairThreshold(calibrating: strategy, distances: distances, similar: list.similar ?? [])
            }
        } else if let given = try input.threshold(of: model) {
            threshold = given
        } else {
            throw CommandFailure(message: "\(input.metric) has no pair threshold (it was not fitted on pairs or "
                                     + "calibrated): give --threshold, or --calibrate on labelled pairs",
                                 exitCode: .usage)
        }

        let predictions = distances.map { threshold.accepts($0) }
        var columns = [CSVColumn(name: "first", text: list.entries.map(\.firstName)),
                       CSVColumn(name: "second", text: list.entries.map(\.secondName)),
                       CSVColumn(name: "distance", numbers: distances),
                       CSVColumn(name: "score", numbers: distances.map { -$0 }),
                       CSVColumn(name: "prediction", text: predictions.map { $0 ? "1" : "-1" })]
        if let similar = list.similar { columns.append(CSVColumn(name: "similar", text: similar.map { $0 ? "1" : "-1" })) }
        let bytes = CSVWriter().data(columns)
        try withFile(output, .output) { () throws(MetricLearnError) in try AtomicFileWriter.write(bytes, to: output) }
        if calibrate, let outputMetric {
            try withFile(outputMetric, .output) { () throws(MetricLearnError) in
                try model.withPairThreshold(threshold).write(toFile: outputMetric)
            }
        }

        let similarCount = list.similar.map { labels in " (\(labels.count { $0 }) similar, \(labels.count { !$0 }) dissimilar)" }
        print("pairs: \(list.entries.count) from \(input.pairs)\(similarCount ?? "")")
        print("threshold: \(Describe.threshold(threshold))")
        var predicted = "predicted similar: \(predictions.count { $0 }) of \(predictions.count)"
        if let similar = list.similar {
            let right = zip(predictions, similar).count { $0 == $1 }
            predicted += ", accuracy \(Format.fixed(Double(right) / Double(similar.count), decimals: 4))"
        }
        print(predicted)
        print("wrote \(output)")
        if calibrate, let outputMetric { print("wrote \(outputMetric)") }
    }
}

extension PairsCommand: FileCommand {
    var inputFiles: [FileOperand] { input.files }
    var outputFiles: [FileOperand] {
        [FileOperand(option: "--output", path: output)]
            + (outputMetric.map { [FileOperand(option: "--output-metric", path: $0)] } ?? [])
    }
}
