/// Cross-validation on a training table: for raw contents, the pipeline's table preprocessing is the table's and
/// is fitted inside each fold on its training rows only.
extension TrainingTable {
    /// Cross-validates `pipeline` over `folds` stratified folds drawn with `seed`.
    public func crossValidate(_ pipeline: Pipeline, folds: Int = 5, seed: UInt64 = 0,
                              maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
        switch contents {
        case let .numeric(dataset):
            try MetricLearn.crossValidate(pipeline, dataset, folds: folds, seed: seed, maxConcurrency: maxConcurrency)
        case let .raw(dataset, preprocessing):
            try MetricLearn.crossValidate(pipeline.preprocessing(preprocessing), dataset, folds: folds, seed: seed,
                                          maxConcurrency: maxConcurrency)
        }
    }

    /// Cross-validates `pipeline` over the given splits.
    public func crossValidate(_ pipeline: Pipeline, splits: [StratifiedKFold.Fold],
                              maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
        switch contents {
        case let .numeric(dataset):
            try MetricLearn.crossValidate(pipeline, dataset, splits: splits, maxConcurrency: maxConcurrency)
        case let .raw(dataset, preprocessing):
            try MetricLearn.crossValidate(pipeline.preprocessing(preprocessing), dataset, splits: splits,
                                          maxConcurrency: maxConcurrency)
        }
    }
}

private extension Pipeline {
    /// This pipeline with `preprocessing` as its first stage.
    func preprocessing(_ preprocessing: TablePreprocessing) -> Pipeline {
        var pipeline = self
        pipeline.tablePreprocessing = preprocessing
        return pipeline
    }
}
