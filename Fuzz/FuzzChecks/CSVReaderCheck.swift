import Foundation
import MetricLearn

/// The properties the CSV reader must keep on any input, checked by the `fuzz-csv-reader` fuzzer and
/// by the regression tests that replay what it found.
///
/// The bytes are read as a labelled `Dataset` with every delimiter choice (detected, comma, semicolon,
/// tab) and both non-finite policies, with the label column found automatically and at index 0, and as
/// an unlabelled `FeatureTable`. Each read must either succeed with a consistent value or throw a
/// `MetricLearnError.csv` (or `.notANumber`) whose line lies inside the input. A table that was read must come back
/// unchanged after `CSVWriter` writes it and the reader reads the text again with the delimiter
/// detected (the writer's documented promise), and whatever the reject policy accepts the accept
/// policy must read identically.
///
/// The same bytes are read as a `RawDataset` (numeric and categorical columns, missing values
/// rejected or accepted) and must give a consistent table or a located error; read with no
/// categorical columns and missing values rejected, it must succeed exactly when the numeric
/// `Dataset` does, with the same numbers, labels and names.
public enum CSVReaderCheck {
    /// Every broken property, in words; empty when the reader behaves.
    public static func violations(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        let data = Data(bytes)
        let lineLimit = lineCount(bytes)
        for delimiter in [nil] + CSVDelimiter.allCases.map(Optional.some) {
            var rejecting: Dataset?
            for policy in CSVFormat.NonFiniteValues.allCases {
                let format = CSVFormat(delimiter: delimiter, nonFiniteValues: policy)
                let place = "Dataset, delimiter \(delimiter?.rawValue ?? "detected"), \(policy.rawValue)"
                switch Result(catching: { () throws(MetricLearnError) in try Dataset(csvData: data, format: format) }) {
                case let .success(dataset):
                    found += datasetViolations(dataset, policy: policy).map { "\(place): \($0)" }
                    if policy == .reject {
                        rejecting = dataset
                    } else if let rejecting, !rejecting.isIdentical(to: dataset) {
                        found.append("\(place): differs from what the reject policy read")
                    }
                case let .failure(error):
                    found += errorViolations(error, lineLimit: lineLimit).map { "\(place): \($0)" }
                    if policy == .accept, rejecting != nil {
                        found.append("\(place): refuses what the reject policy read: \(error)")
                    }
                }
            }
        }
        switch Result(catching: { () throws(MetricLearnError) in try Dataset(csvData: data, labelColumn: .index(0)) }) {
        case let .success(dataset): found += datasetViolations(dataset, policy: .reject).map { "Dataset, label at 0: \($0)" }
        case let .failure(error): found += errorViolations(error, lineLimit: lineLimit).map { "Dataset, label at 0: \($0)" }
        }
        found += rawViolations(data, lineLimit: lineLimit)
        for policy in CSVFormat.NonFiniteValues.allCases {
            let format = CSVFormat(nonFiniteValues: policy)
            switch Result(catching: { () throws(MetricLearnError) in try FeatureTable(csvData: data, format: format) }) {
            case let .success(table): found += tableViolations(table, policy: policy).map { "FeatureTable, \(policy.rawValue): \($0)" }
            case let .failure(error): found += errorViolations(error, lineLimit: lineLimit).map { "FeatureTable: \($0)" }
            }
        }
        return found
    }

    private static func datasetViolations(_ dataset: Dataset, policy: CSVFormat.NonFiniteValues) -> [String] {
        var found: [String] = []
        if dataset.sampleCount == 0 || dataset.featureCount == 0 { found.append("an empty dataset was read") }
        if dataset.labels.count != dataset.sampleCount { found.append("labels do not match the rows") }
        if dataset.featureNames.count != dataset.featureCount || Set(dataset.featureNames).count != dataset.featureCount {
            found.append("feature names are not one distinct name per column")
        }
        if Set(dataset.classNames).count != dataset.classCount { found.append("class names repeat") }
        if !dataset.labels.allSatisfy(dataset.classNames.indices.contains) { found.append("a label is out of range") }
        if dataset.classCounts.contains(0) { found.append("a class was read without samples") }
        if policy == .reject && !dataset.features.isFinite { found.append("a non-finite value passed the reject policy") }
        guard found.isEmpty else { return found }

        let labelName = Self.unusedName(among: dataset.featureNames)
        do {
            let text = try CSVWriter().text(dataset.csvColumns(labelColumnName: labelName))
            let reread = try Dataset(csvText: text, labelColumn: .named(labelName), format: CSVFormat(nonFiniteValues: policy))
            if !reread.isIdentical(to: dataset) { found.append("writing and reading again changes the dataset") }
        } catch {
            found.append("writing and reading again fails: \(error)")
        }
        return found
    }

    private static func tableViolations(_ table: FeatureTable, policy: CSVFormat.NonFiniteValues) -> [String] {
        var found: [String] = []
        if table.sampleCount == 0 || table.featureCount == 0 { found.append("an empty table was read") }
        if Set(table.featureNames).count != table.featureCount { found.append("feature names are not one distinct name per column") }
        if policy == .reject && !table.features.isFinite { found.append("a non-finite value passed the reject policy") }
        guard found.isEmpty else { return found }
        do {
            let reread = try FeatureTable(csvText: CSVWriter().text(table.csvColumns), format: CSVFormat(nonFiniteValues: policy))
            if reread.featureNames != table.featureNames || !reread.features.isIdentical(to: table.features) {
                found.append("writing and reading again changes the table")
            }
        } catch {
            found.append("writing and reading again fails: \(error)")
        }
        return found
    }

    private static func rawViolations(_ data: Data, lineLimit: Int) -> [String] {
        var found: [String] = []
        for missing in MissingValues.allCases {
            for categorical in [CategoricalColumns.automatic, .none] {
                let place = "RawDataset, \(categorical == .none ? "numeric" : "automatic kinds"), missing \(missing.rawValue)"
                let raw = Result { () throws(MetricLearnError) in
                    try RawDataset(csvData: data, categoricalColumns: categorical, missingValues: missing)
                }
                switch raw {
                case let .success(dataset):
                    found += rawDatasetViolations(dataset, missing: missing).map { "\(place): \($0)" }
                case let .failure(error):
                    found += errorViolations(error, lineLimit: lineLimit).map { "\(place): \($0)" }
                }
                guard categorical == .none && missing == .reject else { continue }
                let numeric = Result { () throws(MetricLearnError) in try Dataset(csvData: data) }
                switch (raw, numeric) {
                case let (.success(rawDataset), .success(dataset)):
                    if !rawDataset.matches(dataset) { found.append("\(place): differs from the numeric Dataset") }
                case (.success, .failure), (.failure, .success):
                    found.append("\(place): succeeds where the numeric Dataset fails, or the other way round")
                case (.failure, .failure):
                    break
                }
            }
        }
        return found
    }

    private static func rawDatasetViolations(_ dataset: RawDataset, missing: MissingValues) -> [String] {
        var found: [String] = []
        let table = dataset.table
        if table.rowCount == 0 || table.columns.isEmpty { found.append("an empty table was read") }
        if Set(table.columnNames).count != table.columns.count { found.append("column names repeat") }
        if table.columns.contains(where: { $0.count != table.rowCount }) { found.append("a column has the wrong length") }
        if dataset.labels.count != table.rowCount { found.append("labels do not match the rows") }
        if !dataset.labels.allSatisfy(dataset.classNames.indices.contains) { found.append("a label is out of range") }
        if Set(dataset.classNames).count != dataset.classCount { found.append("class names repeat") }
        for column in table.columns {
            switch column.values {
            case let .numbers(numbers):
                if numbers.contains(where: { $0.map { !$0.isFinite } ?? false }) { found.append("a non-finite number") }
                if missing == .reject && numbers.contains(where: { $0 == nil }) { found.append("a missing number under reject") }
            case let .categories(categories):
                if missing == .reject && categories.contains(where: { $0 == nil }) { found.append("a missing category under reject") }
            }
        }
        return found
    }

    /// A thrown error must be a CSV error on a line of the input, with a reason (a text cell in a number column
    /// names its column).
    private static func errorViolations(_ error: MetricLearnError, lineLimit: Int) -> [String] {
        let (line, column, reason): (Int, Int?, String)
        switch error {
        case let .csv(csvLine, csvColumn, csvReason): (line, column, reason) = (csvLine, csvColumn, csvReason)
        case let .notANumber(textLine, textColumn, name, _): (line, column, reason) = (textLine, textColumn, name)
        default: return ["unexpected error kind: \(error)"]
        }
        var found: [String] = []
        if line < 1 || line > lineLimit { found.append("error line \(line) outside 1...\(lineLimit): \(error)") }
        if let column, column < 1 { found.append("error column \(column) below 1: \(error)") }
        if reason.isEmpty { found.append("error without a reason at line \(line)") }
        return found
    }

    /// The number of lines (LF, CRLF and CR each end one), counting a last unterminated line.
    private static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && bytes.dropFirst(index + 1).first != 0x0A) {
            count += 1
        }
        return count
    }

    /// `label`, or `label` followed by underscores, whichever no feature is called.
    private static func unusedName(among names: [String]) -> String {
        var name = "label"
        while names.contains(name) { name += "_" }
        return name
    }
}

extension Dataset {
    /// Equal, with NaN equal to NaN.
    fileprivate func isIdentical(to other: Dataset) -> Bool {
        labels == other.labels && classNames == other.classNames && featureNames == other.featureNames
            && features.isIdentical(to: other.features)
    }
}

extension RawDataset {
    /// Every column numeric, holding `dataset`'s features, with its names, labels and classes.
    fileprivate func matches(_ dataset: Dataset) -> Bool {
        guard labels == dataset.labels, classNames == dataset.classNames,
              table.columnNames == dataset.featureNames, table.rowCount == dataset.sampleCount else { return false }
        return table.columns.enumerated().allSatisfy { index, column in
            guard case let .numbers(numbers) = column.values else { return false }
            return numbers == dataset.features.column(index).map(Optional.some)
        }
    }
}

extension Matrix {
    /// Equal shapes and values, with NaN equal to NaN.
    fileprivate func isIdentical(to other: Matrix) -> Bool {
        rowCount == other.rowCount && columnCount == other.columnCount
            && zip(elements, other.elements).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
