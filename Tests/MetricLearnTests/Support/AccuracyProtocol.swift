import MetricLearn

/// The issues' accuracy protocol, on the very folds the peers were scored on: scikit-learn's
/// `StratifiedKFold(n_splits=5, shuffle=True, random_state=0)` recorded in `cv_reference.json`,
/// standardization fitted on each training fold, 3-NN in the space `learner` learns on that fold
/// (`nil`: Euclidean). Returns the mean fold accuracy (`cross_val_score(...).mean()`).
func protocolAccuracy(of learner: LearnerConfiguration?, on datasetName: String) throws -> Double {
    let dataset = datasetName == "iris" ? try Dataset.iris : try Dataset.wine
    let recorded = try Fixture("cv_reference").object("datasets").object(datasetName).integerRows("folds")
    let splits = try recorded.map { test throws(MetricLearnError) in
        try StratifiedKFold.Fold(testIndices: test, sampleCount: dataset.sampleCount)
    }
    let pipeline = Pipeline(learner: learner, classifier: KNearestNeighbors(neighborCount: 3))
    return try crossValidate(pipeline, dataset, splits: splits, maxConcurrency: 2).accuracy.mean
}

/// A peer's mean accuracy under the same protocol and folds, as recorded in `cv_reference.json`
/// (`sklearn-nca`, `ml-covariance`, `ml-lmnn`, `ml-itml`, `pylmnn-lmnn`, `relieff`, `euclidean`).
func peerAccuracy(_ method: String, on datasetName: String) throws -> Double {
    try Fixture("cv_reference").object("datasets").object(datasetName).object("methods").object(method)
        .number("accuracyMean")
}

/// The columns of `x` standardised with their own means and population standard deviations.
func standardized(_ x: Matrix) throws -> Matrix {
    try StandardScaler().fit(x).transform(x)
}
