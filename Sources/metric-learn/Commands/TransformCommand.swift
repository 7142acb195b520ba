import ArgumentParser
import Foundation
import MetricLearn

/// `metric-learn transform --metric MODEL.json --input FILE.csv --output OUT.csv|OUT.npy`.
struct TransformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transform",
        abstract: "Map data into the learned space (rows x ↦ L·x).",
        discussion: """
            The input's columns are matched to the model's features by name; other columns are ignored. \
            A model fitted with --categorical or --impute preprocesses them as it did the training data \
            (categories not seen in training encode as zeros, missing cells get the training fill values). \
            A CSV output has a header (component_1, component_2, …) and ends with the input's label \
            column when it has one. An output ending in .npy is a NumPy float64 array of the components only.
            """
    )

    @Option(help: ArgumentHelp("The model file written by 'metric-learn fit'.", valueName: "model.json"))
    var metric: String

    @Option(help: ArgumentHelp("The data to transform: a CSV file with a header row.", valueName: "file.csv"))
    var input: String

    @OptionGroup var label: LabelColumnOption

    @Option(help: ArgumentHelp("Where to write the result: CSV, or NumPy .npy when the name ends in .npy.",
                               valueName: "out.csv|out.npy"))
    var output: String

    func validate() throws {
        if label.name != nil && LabelsFileOption.isNPY(input) {
            throw ValidationError("--label-column does not apply to a .npy --input, which holds features only")
        }
    }

    func run() throws(CommandFailure) {
        let model = try withFile(metric, .input) { () throws(MetricLearnError) in
            try ModelFile(contentsOfFile: metric)
        }
        let (embedding, labels) = try withFile(input, .input) { () throws(MetricLearnError) in
            let data = LabelsFileOption.isNPY(input)
                ? try model.input(npyFile: input)
                : try model.input(csvFile: input, labelColumn: label.name.map(LabelColumn.named))
            return (try model.metric.transform(data.features), data.labels)
        }

        let bytes: Data
        if output.lowercased().hasSuffix(".npy") {
            bytes = embedding.npyData()
        } else {
            var columns = CSVColumn.columns(of: embedding,
                                            names: (1...embedding.columnCount).map { "component_\($0)" })
            if let labels { columns.append(CSVColumn(name: label.name ?? "label", text: labels)) }
            bytes = CSVWriter().data(columns)
        }
        try withFile(output, .output) { () throws(MetricLearnError) in try AtomicFileWriter.write(bytes, to: output) }
        print("wrote \(output): \(embedding.rowCount) rows × \(embedding.columnCount) components")
    }
}

extension TransformCommand: FileCommand {
    var inputFiles: [FileOperand] { [FileOperand(option: "--metric", path: metric), FileOperand(option: "--input", path: input)] }
    var outputFiles: [FileOperand] { [FileOperand(option: "--output", path: output)] }
}
