import MetricLearn

/// One learner's cross-validation on class labels, as `evaluate` prints it and writes it with `--json`
/// (one object per learner; keys sorted).
struct LearnerEvaluation: ComparedEvaluation {
    let learner: String
    /// The learner's configuration (absent for `euclidean`).
    let configuration: LearnerConfiguration?
    let accuracyMean: Double
    let accuracyStd: Double
    let accuracyPerFold: [Double]
    let balancedAccuracyMean: Double
    let balancedAccuracyStd: Double
    let balancedAccuracyPerFold: [Double]
    /// Timings, iterations, convergence and settings.
    let run: EvaluationRun

    /// Cross-validates `learner` on `data` in a pipeline of optional standardization, the learner and k-nearest
    /// neighbours, each fitted inside each fold after the table's preprocessing (for raw data).
    init(_ learner: LearnerName, on data: TrainingTable, settings: EvaluationSettings) throws(MetricLearnError) {
        let configuration = try learner.configuration(seed: settings.seed,
                                                      settings: settings.learnerSettings[learner.rawValue] ?? [:])
        let pipeline = Pipeline(scaler: settings.standardizes ? StandardScaler() : nil, learner: configuration,
                                classifier: KNearestNeighbors(neighborCount: settings.neighbors))
        let result = if let splits = settings.splits {
            try data.crossValidate(pipeline, splits: splits)
        } else {
            try data.crossValidate(pipeline, folds: settings.folds, seed: settings.seed)
        }
        self.learner = learner.rawValue
        self.configuration = configuration
        accuracyMean = result.accuracy.mean
        accuracyStd = result.accuracy.standardDeviation
        accuracyPerFold = result.folds.map(\.accuracy)
        balancedAccuracyMean = result.balancedAccuracy.mean
        balancedAccuracyStd = result.balancedAccuracy.standardDeviation
        balancedAccuracyPerFold = result.folds.map(\.balancedAccuracy)
        run = EvaluationRun(result.folds.map {
            ($0.fitSeconds, $0.learnerFitSeconds, $0.predictSeconds, $0.iterations, $0.didConverge)
        }, settings: settings, data: data)
    }

    private enum CodingKeys: String, CodingKey {
        case learner, configuration, accuracyMean, accuracyStd, accuracyPerFold, balancedAccuracyMean,
             balancedAccuracyStd, balancedAccuracyPerFold
    }

    /// The scores, then the run's keys in the same object.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(learner, forKey: .learner)
        try container.encodeIfPresent(configuration, forKey: .configuration)
        try container.encode(accuracyMean, forKey: .accuracyMean)
        try container.encode(accuracyStd, forKey: .accuracyStd)
        try container.encode(accuracyPerFold, forKey: .accuracyPerFold)
        try container.encode(balancedAccuracyMean, forKey: .balancedAccuracyMean)
        try container.encode(balancedAccuracyStd, forKey: .balancedAccuracyStd)
        try container.encode(balancedAccuracyPerFold, forKey: .balancedAccuracyPerFold)
        try run.encode(to: encoder)
    }
}

/// What `evaluate` reports of every learner besides its scores, whatever the task: fit and prediction times,
/// solver iterations and convergence per fold, and the settings of the comparison (encoded in the learner's
/// JSON object).
struct EvaluationRun: Encodable {
    /// In-process seconds to fit the whole pipeline (scaler, learner, classifier or regressor) on each training fold.
    let fitSecondsMedian: Double
    let fitSecondsPerFold: [Double]
    /// The learner's own part of those seconds (its fit report's; 0 for `euclidean`, which fits nothing): what a
    /// peer's `fit` alone is timed against.
    let learnerFitSecondsMedian: Double
    let learnerFitSecondsPerFold: [Double]
    /// In-process seconds of the neighbours' prediction on each test fold (already standardized).
    let predictSecondsMedian: Double
    let predictSecondsPerFold: [Double]
    let iterationsMedian: Double
    let iterationsPerFold: [Int]
    let didConvergeAllFolds: Bool
    let convergedFolds: Int
    let folds: Int
    let neighbors: Int
    let standardized: Bool
    let seed: UInt64
    /// The table preprocessing fitted in each fold (absent for numeric data).
    let tablePreprocessing: TablePreprocessing?

    /// The run of the given folds (pipeline and learner fit seconds, prediction seconds, iterations, convergence),
    /// with `settings`.
    init(_ folds: [(fitSeconds: Double, learnerFitSeconds: Double, predictSeconds: Double, iterations: Int,
                    didConverge: Bool)],
         settings: EvaluationSettings, data: TrainingTable) {
        fitSecondsPerFold = folds.map(\.fitSeconds)
        fitSecondsMedian = fitSecondsPerFold.median
        learnerFitSecondsPerFold = folds.map(\.learnerFitSeconds)
        learnerFitSecondsMedian = learnerFitSecondsPerFold.median
        predictSecondsPerFold = folds.map(\.predictSeconds)
        predictSecondsMedian = predictSecondsPerFold.median
        iterationsPerFold = folds.map(\.iterations)
        iterationsMedian = iterationsPerFold.map(Double.init).median
        didConvergeAllFolds = folds.allSatisfy(\.didConverge)
        convergedFolds = folds.filter(\.didConverge).count
        self.folds = settings.folds
        neighbors = settings.neighbors
        standardized = settings.standardizes
        seed = settings.seed
        tablePreprocessing = data.tablePreprocessing
    }
}

/// How `evaluate` and `demo` cross-validate.
struct EvaluationSettings {
    var folds = 5
    /// Given folds (`evaluate --folds-file`) in place of `folds` folds seeded with `seed`.
    var splits: [StratifiedKFold.Fold]? = nil
    var neighbors = 3
    var standardizes = true
    var seed: UInt64 = 0
    /// Parameters other than the defaults, by learner name and parameter name (`evaluate --feature-weights-method`
    /// sets feature weights' `method`).
    var learnerSettings: [String: [String: any ParameterValue]] = [:]
}

extension [Double] {
    /// The middle value (the mean of the two middle values for an even count; 0 when empty).
    var median: Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        let middle = count / 2
        return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
