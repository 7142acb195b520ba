import MetricLearn

/// One learner's cross-validation on regression targets, as `evaluate --task regression` prints it and writes it
/// with `--json` (one object per learner; keys sorted): R², RMSE and MAE of k-nearest-neighbour regression in the
/// learned space.
struct RegressionEvaluation: ComparedEvaluation {
    let learner: String
    /// The learner's configuration (absent for `euclidean`).
    let configuration: LearnerConfiguration?
    let r2Mean: Double
    let r2Std: Double
    let r2PerFold: [Double]
    let rmseMean: Double
    let rmseStd: Double
    let rmsePerFold: [Double]
    let maeMean: Double
    let maeStd: Double
    let maePerFold: [Double]
    /// Timings, iterations, convergence and settings.
    let run: EvaluationRun

    /// Cross-validates `learner` on `data`'s targets in a pipeline of optional standardization, the learner and
    /// k-nearest-neighbour regression, each fitted inside each fold after the table's preprocessing (for raw data).
    init(_ learner: LearnerName, on data: TrainingTable, settings: EvaluationSettings) throws(MetricLearnError) {
        let configuration = try learner.configuration(seed: settings.seed,
                                                      settings: settings.learnerSettings[learner.rawValue] ?? [:])
        let pipeline = RegressionPipeline(scaler: settings.standardizes ? StandardScaler() : nil, learner: configuration,
                                          regressor: KNearestNeighbors(neighborCount: settings.neighbors))
        let result = if let splits = settings.splits {
            try data.crossValidate(pipeline, splits: splits)
        } else {
            try data.crossValidate(pipeline, folds: settings.folds, seed: settings.seed)
        }
        self.learner = learner.rawValue
        self.configuration = configuration
        (r2Mean, r2Std) = (result.r2.mean, result.r2.standardDeviation)
        r2PerFold = result.folds.map(\.r2)
        (rmseMean, rmseStd) = (result.rootMeanSquaredError.mean, result.rootMeanSquaredError.standardDeviation)
        rmsePerFold = result.folds.map(\.rootMeanSquaredError)
        (maeMean, maeStd) = (result.meanAbsoluteError.mean, result.meanAbsoluteError.standardDeviation)
        maePerFold = result.folds.map(\.meanAbsoluteError)
        run = EvaluationRun(result.folds.map {
            ($0.fitSeconds, $0.learnerFitSeconds, $0.predictSeconds, $0.iterations, $0.didConverge)
        }, settings: settings, data: data)
    }

    private enum CodingKeys: String, CodingKey {
        case learner, configuration, r2Mean, r2Std, r2PerFold, rmseMean, rmseStd, rmsePerFold, maeMean, maeStd,
             maePerFold
    }

    /// The scores, then the run's keys in the same object.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(learner, forKey: .learner)
        try container.encodeIfPresent(configuration, forKey: .configuration)
        try container.encode(r2Mean, forKey: .r2Mean)
        try container.encode(r2Std, forKey: .r2Std)
        try container.encode(r2PerFold, forKey: .r2PerFold)
        try container.encode(rmseMean, forKey: .rmseMean)
        try container.encode(rmseStd, forKey: .rmseStd)
        try container.encode(rmsePerFold, forKey: .rmsePerFold)
        try container.encode(maeMean, forKey: .maeMean)
        try container.encode(maeStd, forKey: .maeStd)
        try container.encode(maePerFold, forKey: .maePerFold)
        try run.encode(to: encoder)
    }
}
