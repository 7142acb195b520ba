import Foundation
import MetricLearn

/// The properties the model-file decoder must keep on any input, checked by the `fuzz-model-file` fuzzer
/// and by the regression tests that replay what it found.
///
/// Decoding either throws `MetricLearnError.modelFile` with a reason, or gives a model that is whole:
/// non-empty finite components with one distinct name per column, a format version this build reads,
/// writing it and reading the text back gives the same text, and it transforms a row of its width (a
/// recorded table preprocessor: a row of its columns, through the preprocessor).
/// The configuration it records is fitted again on a small dataset, where it must fit or throw (fits
/// with more than 50 iterations or neighbours are skipped to keep the fuzzer fast).
public enum ModelFileCheck {
    /// Every broken property, in words; empty when the decoder behaves.
    public static func violations(_ bytes: [UInt8]) -> [String] {
        let model: ModelFile
        do {
            model = try ModelFile(jsonData: Data(bytes))
        } catch {
            guard case let .modelFile(reason) = error else { return ["unexpected error kind: \(error)"] }
            return reason.isEmpty ? ["a model-file error without a reason"] : []
        }
        var found: [String] = []
        let metric = model.metric
        let d = metric.inputDimension
        if metric.components.isEmpty || !metric.components.isFinite { found.append("empty or non-finite components") }
        if metric.featureNames.count != d || Set(metric.featureNames).count != d {
            found.append("feature names are not one distinct name per column")
        }
        if !(1...ModelFile.currentFormatVersion).contains(model.formatVersion) {
            found.append("format version \(model.formatVersion) was accepted")
        }
        do {
            let text = try model.jsonData()
            if try ModelFile(jsonData: text).jsonData() != text { found.append("writing and reading again changes the text") }
        } catch {
            found.append("writing and reading again fails: \(error)")
        }
        do {
            _ = try metric.transform(Matrix(rowCount: 1, columnCount: d, repeating: 1))
        } catch {
            found.append("cannot transform a row of its own width: \(error)")
        }
        if let preprocessor = model.tablePreprocessor {
            found += violations(of: preprocessor, in: model)
        }
        if isQuick(metric.report.learner) {
            let x = Matrix(rowCount: 8, columnCount: 2, elements: [0, 0, 1, 0, 0, 1, 1, 1, 5, 5, 6, 5, 5, 6, 6, 7])
            do {
                let learner = metric.report.learner
                let labels = [0, 0, 0, 0, 1, 1, 1, 1]
                _ = try learner.learner.fit(x, supervision: learner.registration.supervision.contains(.classLabels)
                                                ? .classLabels(labels) : .regressionTargets(labels.map(Double.init)),
                                            progress: nil)
            } catch {
                // Refusing the configuration or the data is fine; trapping is what the fuzzer looks for.
            }
        }
        return found
    }

    /// A recorded table preprocessor must make the metric's features, only from format version 2 on, and
    /// take a row of its columns (an unseen category, a missing number when it imputes) to the metric.
    private static func violations(of preprocessor: TablePreprocessor, in model: ModelFile) -> [String] {
        var found: [String] = []
        if preprocessor.featureNames != model.metric.featureNames {
            found.append("the table preprocessor's output features are not the feature names")
        }
        if model.formatVersion < 2 { found.append("a table preprocessor in a version \(model.formatVersion) document") }
        do {
            let row = try RawTable(columns: preprocessor.encoding.columns.map { column in
                column.kind == .numeric
                    ? RawColumn(name: column.name, numbers: [preprocessor.imputation == nil ? 1 : nil])
                    : RawColumn(name: column.name, categories: ["a category not seen in training"])
            })
            _ = try model.metric.transform(try preprocessor.transform(row).features)
        } catch {
            found.append("cannot preprocess and transform a row of its columns: \(error)")
        }
        return found
    }

    /// Whether fitting `configuration` again on 8 samples stays fast: every iteration, neighbour and constraint
    /// count among its parameters is at most 50.
    private static func isQuick(_ configuration: LearnerConfiguration) -> Bool {
        ["maxIterations", "neighborCount", "constraintCount"].allSatisfy { name in
            let value = configuration.registration.parameter(named: name)?.value(in: configuration.learner)
            return (value as? Int).map { $0 <= 50 } ?? true
        }
    }
}
