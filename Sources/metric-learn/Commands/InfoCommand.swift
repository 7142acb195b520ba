import ArgumentParser
import MetricLearn

/// `metric-learn info MODEL.json`.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a model file: learner, configuration, dimensions, convergence, top feature weights."
    )

    @Argument(help: ArgumentHelp("The model file written by 'metric-learn fit'.", valueName: "model.json"))
    var model: String

    @Option(help: "How many of the largest feature weights to list (feature-weights models).")
    var top = 10

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be at least 0, not \(top)") }
    }

    func run() throws(CommandFailure) {
        let file = try withFile(model, .input) { () throws(MetricLearnError) in try ModelFile(contentsOfFile: model) }
        let metric = file.metric
        let report = metric.report
        var rows: [(String, String)] = [
            ("learner", file.learner),
            ("configuration", Describe.parameters(of: report.learner)),
            ("dimensions", "\(metric.inputDimension) features → \(metric.outputDimension) components"),
            ("fit", Describe.fit(report)),
        ]
        if !report.details.isEmpty {
            rows.append(("details", report.details.sorted { $0.key < $1.key }
                .map { "\($0.key) = \(Format.number($0.value))" }.joined(separator: ", ")))
        }
        rows.append(("features", metric.featureNames.joined(separator: ", ")))
        rows.append(("format", "version \(file.formatVersion)"
                     + (file.libraryVersion.map { ", written by MetricLearn \($0)" } ?? "")))
        print(model)
        let width = rows.map(\.0.count).max() ?? 0
        for (key, value) in rows {
            print("  \(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)")
        }
        if let weights = metric.featureWeights, top > 0 {
            print("  top feature weights:")
            let shown = weights.prefix(top)
            let nameWidth = shown.map(\.feature.count).max() ?? 0
            for weight in shown {
                print("    \(weight.feature.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  "
                      + Format.number(weight.weight, significant: 4))
            }
            if weights.count > top { print("    … \(weights.count - top) more") }
        }
    }
}
