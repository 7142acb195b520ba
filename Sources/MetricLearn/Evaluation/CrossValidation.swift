/// Stratified k-fold cross-validation of `pipeline` on `dataset`: for each fold, the whole pipeline (scaler,
/// learner, classifier) is fitted on the training samples only and scored on the test samples.
///
/// Folds come from `StratifiedKFold(foldCount: folds, seed: seed)`. Up to `maxConcurrency` folds are fitted
/// at the same time; the result is the same for every `maxConcurrency` (apart from the measured seconds),
/// because each fold's fit is a pure function of its training samples.
///
/// - Throws: `invalidParameter` for `folds` outside 2...samples or `maxConcurrency` < 1, and the error of the
///   first failing fold (in fold order).
public func crossValidate(_ pipeline: Pipeline, _ dataset: Dataset, folds: Int = 5, seed: UInt64 = 0,
                          maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
    let splits = try StratifiedKFold(foldCount: folds, seed: seed).folds(labels: dataset.labels)
    return try crossValidate(pipeline, samples: dataset, splits: splits, seed: seed, maxConcurrency: maxConcurrency)
}

/// Stratified k-fold cross-validation of `pipeline` on a raw table: as `crossValidate(_:_:folds:seed:maxConcurrency:)`,
/// with the pipeline's table preprocessing (imputation statistics, categories) fitted on each fold's training
/// samples only.
public func crossValidate(_ pipeline: Pipeline, _ dataset: RawDataset, folds: Int = 5, seed: UInt64 = 0,
                          maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
    let splits = try StratifiedKFold(foldCount: folds, seed: seed).folds(labels: dataset.labels)
    return try crossValidate(pipeline, samples: dataset, splits: splits, seed: seed, maxConcurrency: maxConcurrency)
}

/// Cross-validation of `pipeline` on `dataset` over given folds (scikit-learn's `cv=` iterable), for instance
/// folds recorded from another library so that both are scored on identical splits.
///
/// - Throws: `invalidParameter` for no folds, a fold whose indices do not fit `dataset`, or `maxConcurrency` < 1,
///   and the error of the first failing fold (in fold order).
public func crossValidate(_ pipeline: Pipeline, _ dataset: Dataset, splits: [StratifiedKFold.Fold],
                          maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
    try crossValidate(pipeline, samples: dataset, splits: splits, seed: nil, maxConcurrency: maxConcurrency)
}

/// Cross-validation of `pipeline` on a raw table over given folds: as `crossValidate(_:_:splits:maxConcurrency:)`,
/// with the table preprocessing fitted on each fold's training rows.
public func crossValidate(_ pipeline: Pipeline, _ dataset: RawDataset, splits: [StratifiedKFold.Fold],
                          maxConcurrency: Int = 1) throws(MetricLearnError) -> CrossValidationResult {
    try crossValidate(pipeline, samples: dataset, splits: splits, seed: nil, maxConcurrency: maxConcurrency)
}

private func crossValidate(_ pipeline: Pipeline, samples: some PipelineSamples, splits: [StratifiedKFold.Fold],
                           seed: UInt64?, maxConcurrency: Int) throws(MetricLearnError) -> CrossValidationResult {
    let results = try FoldEvaluation.run(splits, sampleCount: samples.sampleCount, maxConcurrency: maxConcurrency) {
        fold, index throws(MetricLearnError) in try pipeline.evaluate(on: samples, fold: fold, index: index)
    }
    return CrossValidationResult(pipeline: pipeline, seed: seed, folds: results)
}

extension Pipeline {
    /// Fits on the fold's training samples and scores on its test samples; times the fit (and records the
    /// learner's own fit seconds from its report) and, apart, the classifier's prediction. An error about a row of
    /// either part (`overflow`, `missingValue`) names the row of `samples`.
    func evaluate(on samples: some PipelineSamples, fold: StratifiedKFold.Fold, index: Int)
        throws(MetricLearnError) -> CrossValidationResult.Fold {
        let train = samples.subset(rows: fold.trainIndices), test = samples.subset(rows: fold.testIndices)
        let stopwatch = Stopwatch()
        let fitted: FittedPipeline
        do { fitted = try train.fit(self) } catch { throw error.renumberingRows(fold.trainIndices) }
        let fitSeconds = stopwatch.elapsedSeconds
        let queries: Matrix
        do { queries = try test.queries(for: fitted) } catch { throw error.renumberingRows(fold.testIndices) }
        let predictStopwatch = Stopwatch()
        let predicted: [Int]
        do { predicted = try fitted.classifier.predict(queries) } catch { throw error.renumberingRows(fold.testIndices) }
        let predictSeconds = predictStopwatch.elapsedSeconds
        let confusion = try ConfusionMatrix(trueLabels: test.labels, predictedLabels: predicted,
                                            classNames: samples.classNames)
        let report = fitted.metric?.report
        return CrossValidationResult.Fold(
            index: index, trainCount: train.sampleCount, testCount: test.sampleCount,
            accuracy: confusion.accuracy, balancedAccuracy: confusion.balancedAccuracy, fitSeconds: fitSeconds,
            learnerFitSeconds: report?.fitSeconds ?? 0, predictSeconds: predictSeconds,
            iterations: report?.iterations ?? 0, didConverge: report?.didConverge ?? true)
    }
}
