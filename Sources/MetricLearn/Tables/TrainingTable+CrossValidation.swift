/// Cross-validation on a training table: for raw contents, the pipeline's table preprocessing is the table's and
/// is fitted inside each fold on its training rows only. A `Pipeline` scores class labels, a `RegressionPipeline`
/// regression targets.
extension TrainingTable {
    /// Cross-validates `pipeline` over `folds` stratified folds drawn with `seed`.
    ///
    /// - Throws: `invalidParameter` (`task`) for a table of regression targets, and as `crossValidate`.
    public func crossValidate(_ pipeline: Pipeline, folds: Int = 5, seed: UInt64 = 0,
                              maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
        switch contents {
        case let .numeric(dataset):
            try MetricLearn.crossValidate(pipeline, dataset, folds: folds, seed: seed, maxConcurrency: maxConcurrency)
        case let .raw(dataset, preprocessing):
            try MetricLearn.crossValidate(pipeline.preprocessing(preprocessing), dataset, folds: folds, seed: seed,
                                          maxConcurrency: maxConcurrency)
        case .numericTargets, .rawTargets:
            throw taskMismatch(of: .classification)
        }
    }

    /// Cross-validates `pipeline` over the given splits.
    ///
    /// - Throws: `invalidParameter` (`task`) for a table of regression targets, and as `crossValidate`.
    public func crossValidate(_ pipeline: Pipeline, splits: [StratifiedKFold.Fold],
                              maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
        switch contents {
        case let .numeric(dataset):
            try MetricLearn.crossValidate(pipeline, dataset, splits: splits, maxConcurrency: maxConcurrency)
        case let .raw(dataset, preprocessing):
            try MetricLearn.crossValidate(pipeline.preprocessing(preprocessing), dataset, splits: splits,
                                          maxConcurrency: maxConcurrency)
        case .numericTargets, .rawTargets:
            throw taskMismatch(of: .classification)
        }
    }

    /// Cross-validates the regression `pipeline` over `folds` shuffled folds (`KFold`) drawn with `seed`.
    ///
    /// - Throws: `invalidParameter` (`task`) for a table of class labels, and as `crossValidate`.
    public func crossValidate(_ pipeline: RegressionPipeline, folds: Int = 5, seed: UInt64 = 0,
                              maxConcurrency: Int = 1) throws(MetricLearnError) -> RegressionCrossValidationResult {
        let splits = try KFold(foldCount: folds, seed: seed).folds(sampleCount: sampleCount)
        return try crossValidate(pipeline, splits: splits, seed: seed, maxConcurrency: maxConcurrency)
    }

    /// Cross-validates the regression `pipeline` over the given splits.
    ///
    /// - Throws: `invalidParameter` (`task`) for a table of class labels, and as `crossValidate`.
    public func crossValidate(_ pipeline: RegressionPipeline, splits: [StratifiedKFold.Fold],
                              maxConcurrency: Int = 1) throws(MetricLearnError) -> RegressionCrossValidationResult {
        try crossValidate(pipeline, splits: splits, seed: nil, maxConcurrency: maxConcurrency)
    }

    private func crossValidate(_ pipeline: RegressionPipeline, splits: [StratifiedKFold.Fold], seed: UInt64?,
                               maxConcurrency: Int) throws(MetricLearnError) -> RegressionCrossValidationResult {
        let result = switch contents {
        case let .numericTargets(dataset):
            try MetricLearn.crossValidate(pipeline, dataset, splits: splits, maxConcurrency: maxConcurrency)
        case let .rawTargets(dataset, preprocessing):
            try MetricLearn.crossValidate(pipeline.preprocessing(preprocessing), dataset, splits: splits,
                                          maxConcurrency: maxConcurrency)
        case .numeric, .raw:
            throw taskMismatch(of: .regression)
        }
        return RegressionCrossValidationResult(pipeline: result.pipeline, seed: seed, folds: result.folds)
    }

    /// The error for a pipeline of `task` on this table, whose labels are for the other task.
    private func taskMismatch(of task: LearningTask) -> MetricLearnError {
        .invalidParameter(name: "task", value: task.rawValue,
                          requirement: "must be the table's task (\(self.task.rawValue)): read the table with "
                              + "TableReading.task .\(task.rawValue)")
    }
}

/// A pipeline whose first stage can be a table preprocessing.
private protocol TablePreprocessingStage {
    var tablePreprocessing: TablePreprocessing? { get set }
}

extension Pipeline: TablePreprocessingStage {}
extension RegressionPipeline: TablePreprocessingStage {}

private extension TablePreprocessingStage {
    /// This pipeline with `preprocessing` as its first stage.
    func preprocessing(_ preprocessing: TablePreprocessing) -> Self {
        var pipeline = self
        pipeline.tablePreprocessing = preprocessing
        return pipeline
    }
}
