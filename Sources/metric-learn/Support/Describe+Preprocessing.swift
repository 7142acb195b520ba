import MetricLearn

/// Sentences about table preprocessing, shared by `fit`, `evaluate` and `info`.
extension Describe {
    /// `numbers: median, categories: most frequent` (constants as `0` and `'missing'`).
    static func imputer(_ imputer: Imputer) -> String {
        let numbers = switch imputer.numbers {
        case .mean: "mean"
        case .median: "median"
        case .mostFrequent: "most frequent"
        case let .constant(value): Format.number(value, significant: 10)
        }
        let categories = switch imputer.categories {
        case .mostFrequent: "most frequent"
        case let .constant(category): "'\(category)'"
        }
        return "numbers: \(numbers), categories: \(categories)"
    }

    /// What a fitted preprocessor did to the training table: `6 columns → 9 features (island: 3
    /// categories, sex: 2), 7 missing cells filled (numbers: median, categories: most frequent)`.
    static func preprocessing(_ preprocessor: TablePreprocessor, of table: RawTable) -> String {
        let columns = preprocessor.encoding.columns
        let encoded = columns.filter { $0.kind == .categorical }
            .map { "\($0.name): \($0.categories.count) categor\($0.categories.count == 1 ? "y" : "ies")" }
        var text = "\(columns.count) column\(columns.count == 1 ? "" : "s") → \(preprocessor.featureNames.count) "
            + "feature\(preprocessor.featureNames.count == 1 ? "" : "s")"
        if !encoded.isEmpty { text += " (\(encoded.joined(separator: ", ")))" }
        if let imputation = preprocessor.imputation {
            let missing = table.columns.reduce(0) { $0 + $1.missingRows.count }
            text += ", \(missing) missing cell\(missing == 1 ? "" : "s") filled (\(imputer(imputation.imputer)))"
        }
        return text
    }

    /// How `evaluate` preprocesses each fold: `imputed (numbers: median, …) and one-hot encoded`.
    static func preprocessing(_ configuration: TablePreprocessing) -> String {
        (configuration.imputer.map { "imputed (\(imputer($0))) and " } ?? "") + "one-hot encoded"
    }

    /// Per-column weights on one line, most important first: `flipper_length_mm 1.93, island 1.2, …`.
    static func columnWeights(_ weights: [ColumnWeight]) -> String {
        weights.map { "\($0.column) \(Format.number($0.weight, significant: 4))" }.joined(separator: ", ")
    }
}
