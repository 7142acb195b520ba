import MetricLearn

/// The labelled samples `evaluate` and `demo` cross-validate: numbers, or a raw table with the
/// preprocessing that each fold fits on its training part.
enum EvaluationData {
    /// Every feature a number, as written.
    case numeric(Dataset)
    /// A raw table and the preprocessing each fold fits on its training part.
    case raw(RawDataset, TablePreprocessing)

    /// The preprocessing of raw data (`nil` for numbers).
    var tablePreprocessing: TablePreprocessing? {
        if case let .raw(_, preprocessing) = self { return preprocessing }
        return nil
    }

    /// The number of samples.
    var sampleCount: Int {
        switch self {
        case let .numeric(dataset): dataset.sampleCount
        case let .raw(dataset, _): dataset.sampleCount
        }
    }

    /// The number of classes.
    var classCount: Int {
        switch self {
        case let .numeric(dataset): dataset.classCount
        case let .raw(dataset, _): dataset.classCount
        }
    }

    /// `13 features`, or for a raw table `6 columns (2 categorical)`.
    var shape: String {
        switch self {
        case let .numeric(dataset):
            return "\(dataset.featureCount) features"
        case let .raw(dataset, _):
            let categorical = dataset.table.columns.filter { $0.kind == .categorical }.count
            return "\(dataset.table.columns.count) columns (\(categorical) categorical)"
        }
    }

    /// Cross-validation of `pipeline` over the given splits of `settings`, or else over its number of
    /// stratified folds drawn with its seed.
    func crossValidate(_ pipeline: Pipeline, settings: EvaluationSettings) throws(MetricLearnError)
        -> CrossValidationResult {
        switch (self, settings.splits) {
        case let (.numeric(dataset), splits?): try MetricLearn.crossValidate(pipeline, dataset, splits: splits)
        case let (.raw(dataset, _), splits?): try MetricLearn.crossValidate(pipeline, dataset, splits: splits)
        case let (.numeric(dataset), nil):
            try MetricLearn.crossValidate(pipeline, dataset, folds: settings.folds, seed: settings.seed)
        case let (.raw(dataset, _), nil):
            try MetricLearn.crossValidate(pipeline, dataset, folds: settings.folds, seed: settings.seed)
        }
    }
}
