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
        if let ranking = report.ranking { rows.append(("ranking", Describe.ranking(ranking))) }
        let isStandardized = report.details["standardized"] == 1
        if isStandardized { rows.append(("standardized", Describe.standardization)) }
        let details = report.details.filter { !(isStandardized && $0.key == "standardized") }
        if !details.isEmpty {
            rows.append(("details", details.sorted { $0.key < $1.key }
                .map { "\($0.key) = \(Format.number($0.value))" }.joined(separator: ", ")))
        }
        rows.append(("features", metric.featureNames.joined(separator: ", ")))
        if let preprocessor = file.tablePreprocessor {
            rows.append(("preprocessing", Describe.preprocessing(preprocessor.preprocessing)
                         + " (\(preprocessor.columnNames.count) columns → \(preprocessor.featureNames.count) features)"))
        }
        if let threshold = file.pairThreshold { rows.append(("pair threshold", Describe.threshold(threshold))) }
        rows.append(("format", "version \(file.formatVersion)"
                     + (file.libraryVersion.map { ", written by MetricLearn \($0)" } ?? "")))
        print(model)
        let width = rows.map(\.0.count).max() ?? 0
        for (key, value) in rows {
            print("  \(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)")
        }
        if let preprocessor = file.tablePreprocessor {
            print("  input columns:")
            print(Self.columnTable(preprocessor), terminator: "")
        }
        if let weights = metric.featureWeights, top > 0 {
            printTop("feature weights", weights.map { ($0.feature, $0.weight) })
            if let columns = try? file.tablePreprocessor?.columnWeights(weights) {
                printTop("column weights", columns.map { ($0.column, $0.weight) })
            }
        }
    }

    /// The `top` first of `weights` (largest first), one per line, under `  top <title>:`.
    private func printTop(_ title: String, _ weights: [(name: String, weight: Double)]) {
        print("  top \(title):")
        let shown = weights.prefix(top)
        let nameWidth = shown.map(\.name.count).max() ?? 0
        for (name, weight) in shown {
            print("    \(name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  "
                  + Format.number(weight, significant: 4))
        }
        if weights.count > top { print("    … \(weights.count - top) more") }
    }

    /// The preprocessor's input columns: kind, fill value (with imputation) and categories, indented.
    private static func columnTable(_ preprocessor: TablePreprocessor) -> String {
        let fills = Dictionary(uniqueKeysWithValues: (preprocessor.imputation?.fills ?? []).map { ($0.column, $0.value) })
        var table = TextTable([("column", .left), ("kind", .left)] + (fills.isEmpty ? [] : [("fill", .left)])
                              + [("categories", .left)])
        for column in preprocessor.encoding.columns {
            let fill: [String] = switch fills[column.name] {
            case nil: []
            case let .number(value)?: [Format.number(value, significant: 10)]
            case let .category(category)?: [category]
            }
            table.append([column.name, column.kind.rawValue] + fill + [column.categories.joined(separator: ", ")])
        }
        return table.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { "    \($0)\n" }.joined()
    }
}
