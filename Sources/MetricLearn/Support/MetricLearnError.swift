/// Every error MetricLearn throws for bad input, each case carrying the numbers a user needs.
///
/// Not converging is not an error: it is `didConverge == false` in a fit report.
public enum MetricLearnError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No samples (or no features) were given; `what` names the empty thing.
    case emptyInput(what: String)
    /// A NaN or infinite value at 0-based `row`, `column` of the feature matrix.
    case nonFiniteValue(row: Int, column: Int)
    /// The number of labels differs from the number of samples.
    case labelCountMismatch(sampleCount: Int, labelCount: Int)
    /// Data has `actual` features where `expected` were learned.
    case featureCountMismatch(expected: Int, actual: Int)
    /// Supervised learning needs at least two classes; all samples carry `label`.
    case singleClass(label: String)
    /// Class `label` has `count` samples where the method needs at least `required`.
    case classTooSmall(label: String, count: Int, required: Int)
    /// Parameter `name` has `value`, which does not satisfy `requirement`: a problem with how the learner, the
    /// classifier or the evaluation was configured, never with the data.
    case invalidParameter(name: String, value: String, requirement: String)
    /// The data (`what`: its features, labels, names, constraints or columns) has `value`, which does not satisfy
    /// `requirement`: a problem with the data, not with any parameter.
    case invalidData(what: String, value: String, requirement: String)
    /// `learner` was given supervision of the kind `given`; it learns from the `accepted` kinds only.
    case unsupportedSupervision(learner: String, given: String, accepted: [String])
    /// A linear-algebra routine failed on the given data.
    case linearAlgebra(LinearAlgebraError)
    /// A CSV problem at 1-based `line` and (when known) 1-based `column`.
    case csv(line: Int, column: Int?, reason: String)
    /// Text (`text`) at 1-based `line` and `column` of the CSV column named `columnName`, which is read as numbers:
    /// a column of categories must be read as categorical (`CategoricalColumns`).
    case notANumber(line: Int, column: Int, columnName: String, text: String)
    /// A model file could not be read or is malformed.
    case modelFile(reason: String)
    /// A file could not be read or written.
    case file(path: String, reason: String)
    /// The NumPy `.npy` file at `path` (or the label file given with one) cannot be used: `reason` says why
    /// (truncated, a header that is not NumPy's, an unsupported or object dtype, a shape that is not a table, a
    /// non-finite value at a 0-based row and column, a label count that differs from the rows).
    case npyFile(path: String, reason: String)
    /// A missing cell at 0-based `row` of the raw table column named `column`, where nothing imputes it.
    case missingValue(row: Int, column: String)
    /// Computing `what` for the 0-based `row` of the data gives a value beyond Double's range, although the data
    /// is finite; `column` names the input column at fault when there is one.
    case overflow(row: Int, column: String?, what: String)
    /// The data has what would be a `DataWarning` elsewhere but is refused here: an identifier column found as
    /// categorical by `CategoricalColumns.automatic` (naming the column categorical makes it a warning).
    case refusedData(DataWarning)
    /// Computing `what` needs about `requiredBytes` of memory, more than the `availableBytes` this process may use;
    /// each of `remedies` reduces the need.
    case insufficientMemory(what: String, requiredBytes: Int, availableBytes: Int, remedies: [MemoryRemedy])

    /// A one-line message for the user, with the numbers the case carries.
    public var description: String {
        switch self {
        case let .emptyInput(what):
            "empty input: \(what)"
        case let .nonFiniteValue(row, column):
            "non-finite value (NaN or infinity) at row \(row), column \(column)"
        case let .labelCountMismatch(sampleCount, labelCount):
            "\(labelCount) labels given for \(sampleCount) samples"
        case let .featureCountMismatch(expected, actual):
            "expected \(expected) features, got \(actual)"
        case let .singleClass(label):
            "only one class ('\(label)') in the labels; at least two are needed"
        case let .classTooSmall(label, count, required):
            "class '\(label)' has \(count) sample\(count == 1 ? "" : "s"); at least \(required) are needed"
        case let .invalidParameter(name, value, requirement):
            "invalid \(name) = \(value): \(requirement)"
        case let .invalidData(what, value, requirement):
            "invalid \(what) = \(value): \(requirement)"
        case let .unsupportedSupervision(learner, given, accepted):
            "\(learner) learns from \(accepted.joined(separator: " or ")), not from \(given)"
        case let .linearAlgebra(error):
            error.description
        case let .csv(line, column, reason):
            if let column { "line \(line), column \(column): \(reason)" } else { "line \(line): \(reason)" }
        case let .notANumber(line, column, columnName, text):
            "line \(line), column \(column): \(CSVCell.quoted(text)) in column \(CSVCell.quoted(columnName)) is not a number"
        case let .modelFile(reason):
            "model file: \(reason)"
        case let .file(path, reason), let .npyFile(path, reason):
            "\(path): \(reason)"
        case let .missingValue(row, column):
            "missing value at row \(row) of column '\(column)'; impute missing values (an Imputer) to use such rows"
        case let .overflow(row, column, what):
            "row \(row)\(column.map { ", column '\($0)'" } ?? ""): \(what) overflows Double "
                + "(its values are too large for it)"
        case let .refusedData(warning):
            "\(warning); it is refused when columns are found categorical automatically: name the column "
                + "categorical to encode it anyway"
        case let .insufficientMemory(what, requiredBytes, availableBytes, remedies):
            "\(what) needs about \(MemoryBudget.describe(bytes: Double(requiredBytes))) of memory, more than the "
                + "\(MemoryBudget.describe(bytes: Double(availableBytes))) available"
                + (remedies.isEmpty ? "" : "; " + remedies.map(\.description).joined(separator: " or "))
        }
    }
}
