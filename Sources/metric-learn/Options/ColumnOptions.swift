import ArgumentParser
import MetricLearn

/// `--categorical`, `--ignore`, `--features`, `--impute`, `--fill-value`, `--fill-category`: which
/// columns of a table are read and how, shared by every `fit` subcommand and `evaluate`.
///
/// `--features` and `--ignore` only choose columns. `--categorical` or `--impute` make the file a raw
/// table turned into numbers by a `TablePreprocessing` (imputation, then one-hot encoding) fitted on
/// the training rows; without them every feature cell must be a number, as always.
struct ColumnOptions: ParsableArguments {
    /// How `--impute` fills numeric columns (`Imputer.NumericStrategy` on the command line).
    enum Strategy: String, KebabCaseArgument {
        /// The training mean.
        case mean
        /// The training median.
        case median
        /// The most frequent training value (categorical columns always use their most frequent category).
        case mostFrequent
        /// `--fill-value` (numbers) and `--fill-category` (categories).
        case constant
    }

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Text columns to one-hot encode: 'auto' (every feature column with a cell that is "
                               + "not a number) or their names.", valueName: "auto|column"))
    var categorical: [String] = []

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Columns that are not features (an identifier, a date).", valueName: "column"))
    var ignore: [String] = []

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("The feature columns, in this order (default: every column but the label).",
                               valueName: "column"))
    var features: [String] = []

    @Option(help: ArgumentHelp("Fill missing cells (empty, NA, NaN, …) from the training rows: numeric columns by this "
                               + "strategy, categorical ones by the most frequent category (default: a missing cell "
                               + "is an error).", valueName: "strategy"))
    var impute: Strategy?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("With --impute constant: the number that fills numeric columns (default: 0).",
                               valueName: "number"))
    var fillValue: Double?

    @Option(help: ArgumentHelp("With --impute: the category that fills categorical columns (default: the most frequent; "
                               + "'\(Self.defaultFillCategory)' with --impute constant).", valueName: "text"))
    var fillCategory: String?

    /// The category `--impute constant` fills categorical columns with when `--fill-category` is not given.
    static let defaultFillCategory = "missing"

    func validate() throws {
        if !features.isEmpty && !ignore.isEmpty {
            throw ValidationError("--features and --ignore cannot be combined: --features lists every feature column")
        }
        if categorical.contains("auto") && categorical.count > 1 {
            throw ValidationError("--categorical takes 'auto' or column names, not both")
        }
        if let fillValue, impute != .constant {
            throw ValidationError("--fill-value \(Format.number(fillValue)) applies to --impute constant only")
        }
        if let fillValue, !fillValue.isFinite {
            throw ValidationError("--fill-value must be a finite number, not \(fillValue)")
        }
        if fillCategory != nil && impute == nil {
            throw ValidationError("--fill-category applies with --impute only")
        }
    }
}

/// The library's reading and preprocessing options.
extension ColumnOptions {
    /// The feature columns: `--features`, else all but `--ignore`d ones.
    var featureColumns: FeatureColumns {
        if !features.isEmpty { return .named(features) }
        return ignore.isEmpty ? .all : .allExcept(ignore)
    }

    /// The categorical columns: detected with `auto`, else the named ones.
    var categoricalColumns: CategoricalColumns {
        if categorical == ["auto"] { return .automatic }
        return categorical.isEmpty ? .none : .named(categorical)
    }

    /// The column options given, by name (`--categorical`, `--ignore`, `--features`, `--impute`).
    var givenOptionNames: [String] {
        [("--categorical", !categorical.isEmpty), ("--ignore", !ignore.isEmpty), ("--features", !features.isEmpty),
         ("--impute", impute != nil)].filter(\.1).map(\.0)
    }

    /// Missing cells are read only when they are imputed.
    var missingValues: MissingValues { impute == nil ? .reject : .accept }

    /// The imputer `--impute`, `--fill-value` and `--fill-category` describe.
    var imputer: Imputer? {
        guard let impute else { return nil }
        let numbers: Imputer.NumericStrategy = switch impute {
        case .mean: .mean
        case .median: .median
        case .mostFrequent: .mostFrequent
        case .constant: .constant(fillValue ?? 0)
        }
        let category = fillCategory ?? (impute == .constant ? Self.defaultFillCategory : nil)
        return Imputer(numbers: numbers, categories: category.map { .constant($0) } ?? .mostFrequent)
    }

    /// The table preprocessing, with `--categorical` or `--impute` (`nil`: the features are numbers as written).
    var tablePreprocessing: TablePreprocessing? {
        categorical.isEmpty && impute == nil ? nil : TablePreprocessing(imputer: imputer)
    }
}
