/// K-fold cross-validation of a regression `pipeline` on `dataset`: for each fold, the whole pipeline (scaler,
/// learner, regressor) is fitted on the training samples only and scored (R², RMSE, MAE) on the test samples.
///
/// Folds come from `KFold(foldCount: folds, seed: seed)` (shuffled). Up to `maxConcurrency` folds are fitted at
/// the same time; the result does not depend on it (apart from the measured seconds).
///
/// - Throws: `invalidParameter` for `folds` outside 2...samples or `maxConcurrency` < 1, and the error of the
///   first failing fold (in fold order).
public func crossValidate(_ pipeline: RegressionPipeline, _ dataset: RegressionDataset, folds: Int = 5,
                          seed: UInt64 = 0, maxConcurrency: Int = 1)
    throws(MetricLearnError) -> RegressionCrossValidationResult {
    let splits = try KFold(foldCount: folds, seed: seed).folds(sampleCount: dataset.sampleCount)
    return try crossValidate(pipeline, samples: dataset, splits: splits, seed: seed, maxConcurrency: maxConcurrency)
}

/// K-fold cross-validation of a regression `pipeline` on a raw table, its table preprocessing fitted on each
/// fold's training rows only (see `crossValidate(_:_:folds:seed:maxConcurrency:)`).
public func crossValidate(_ pipeline: RegressionPipeline, _ dataset: RawRegressionDataset, folds: Int = 5,
                          seed: UInt64 = 0, maxConcurrency: Int = 1)
    throws(MetricLearnError) -> RegressionCrossValidationResult {
    let splits = try KFold(foldCount: folds, seed: seed).folds(sampleCount: dataset.sampleCount)
    return try crossValidate(pipeline, samples: dataset, splits: splits, seed: seed, maxConcurrency: maxConcurrency)
}

/// Cross-validation of a regression `pipeline` over given folds (for instance another library's).
///
/// - Throws: `invalidParameter` for no folds, a fold whose indices do not fit `dataset`, or `maxConcurrency` < 1,
///   and the error of the first failing fold (in fold order).
public func crossValidate(_ pipeline: RegressionPipeline, _ dataset: RegressionDataset,
                          splits: [StratifiedKFold.Fold], maxConcurrency: Int = 1)
    throws(MetricLearnError) -> RegressionCrossValidationResult {
    try crossValidate(pipeline, samples: dataset, splits: splits, seed: nil, maxConcurrency: maxConcurrency)
}

/// Cross-validation of a regression `pipeline` on a raw table over given folds, the table preprocessing fitted on
/// each fold's training rows.
public func crossValidate(_ pipeline: RegressionPipeline, _ dataset: RawRegressionDataset,
                          splits: [StratifiedKFold.Fold], maxConcurrency: Int = 1)
    throws(MetricLearnError) -> RegressionCrossValidationResult {
    try crossValidate(pipeline, samples: dataset, splits: splits, seed: nil, maxConcurrency: maxConcurrency)
}

private func crossValidate(_ pipeline: RegressionPipeline, samples: some RegressionSamples,
                           splits: [StratifiedKFold.Fold], seed: UInt64?, maxConcurrency: Int)
    throws(MetricLearnError) -> RegressionCrossValidationResult {
    let results = try FoldEvaluation.run(splits, sampleCount: samples.sampleCount, maxConcurrency: maxConcurrency) {
        fold, index throws(MetricLearnError) in try pipeline.evaluate(on: samples, fold: fold, index: index)
    }
    return RegressionCrossValidationResult(pipeline: pipeline, seed: seed, folds: results)
}

extension RegressionPipeline {
    /// Fits on the fold's training samples and scores on its test samples; times the fit (and records the
    /// learner's own fit seconds from its report) and, apart, the regressor's prediction. An error about a row of
    /// either part (`overflow`, `missingValue`) names the row of `samples`.
    func evaluate(on samples: some RegressionSamples, fold: StratifiedKFold.Fold, index: Int)
        throws(MetricLearnError) -> RegressionCrossValidationResult.Fold {
        let train = samples.subset(rows: fold.trainIndices), test = samples.subset(rows: fold.testIndices)
        let stopwatch = Stopwatch()
        let fitted: FittedRegressionPipeline
        do { fitted = try train.fit(self) } catch { throw error.renumberingRows(fold.trainIndices) }
        let fitSeconds = stopwatch.elapsedSeconds
        let queries: Matrix
        do { queries = try test.queries(for: fitted) } catch { throw error.renumberingRows(fold.testIndices) }
        let predictStopwatch = Stopwatch()
        let predicted: [Double]
        do { predicted = try fitted.regressor.predict(queries) } catch { throw error.renumberingRows(fold.testIndices) }
        let predictSeconds = predictStopwatch.elapsedSeconds
        let (truth, report) = (test.targets, fitted.metric?.report)
        return RegressionCrossValidationResult.Fold(
            index: index, trainCount: train.sampleCount, testCount: test.sampleCount,
            r2: try RegressionMetrics.r2(trueTargets: truth, predictedTargets: predicted),
            rootMeanSquaredError: try RegressionMetrics.rootMeanSquaredError(trueTargets: truth, predictedTargets: predicted),
            meanAbsoluteError: try RegressionMetrics.meanAbsoluteError(trueTargets: truth, predictedTargets: predicted),
            fitSeconds: fitSeconds, learnerFitSeconds: report?.fitSeconds ?? 0, predictSeconds: predictSeconds,
            iterations: report?.iterations ?? 0, didConverge: report?.didConverge ?? true)
    }
}

/// The samples with targets a regression pipeline is cross-validated and grid-searched on: a `RegressionDataset`
/// or a `RawRegressionDataset`. One generic fold loop serves both.
protocol RegressionSamples: Sendable {
    /// The target of each sample.
    var targets: [Double] { get }
    /// The number of samples.
    var sampleCount: Int { get }
    /// The samples at `rows`, in that order.
    func subset(rows: some Collection<Int>) -> Self
    /// `pipeline` fitted on these samples.
    func fit(_ pipeline: RegressionPipeline) throws(MetricLearnError) -> FittedRegressionPipeline
    /// These samples as `fitted`'s regressor takes them: table-preprocessed and standardized.
    func queries(for fitted: FittedRegressionPipeline) throws(MetricLearnError) -> Matrix
}

extension RegressionDataset: RegressionSamples {
    func fit(_ pipeline: RegressionPipeline) throws(MetricLearnError) -> FittedRegressionPipeline { try pipeline.fit(self) }
    func queries(for fitted: FittedRegressionPipeline) throws(MetricLearnError) -> Matrix {
        try fitted.stages.standardize(try fitted.features(of: self))
    }
}

extension RawRegressionDataset: RegressionSamples {
    func fit(_ pipeline: RegressionPipeline) throws(MetricLearnError) -> FittedRegressionPipeline { try pipeline.fit(self) }
    func queries(for fitted: FittedRegressionPipeline) throws(MetricLearnError) -> Matrix {
        try fitted.stages.standardize(try fitted.features(of: table))
    }
}
