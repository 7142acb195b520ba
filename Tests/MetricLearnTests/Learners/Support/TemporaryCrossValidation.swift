import MetricLearn

// TEMPORARY (branch `nca`): a minimal stand-in for main's cross-validation and k-NN modules, used by the
// accuracy-protocol tests until those land. The lead can swap these for the library's own and delete this file.

enum TemporaryCrossValidation {
    /// Stratified fold assignment: within each class (in sample order, after a seeded shuffle),
    /// samples are dealt to folds 0, 1, …, foldCount − 1 in turn.
    static func stratifiedFolds(labels: [Int], foldCount: Int, seed: UInt64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        var folds = [Int](repeating: 0, count: labels.count)
        for label in Set(labels).sorted() {
            var members = labels.indices.filter { labels[$0] == label }
            generator.shuffle(&members)
            for (position, index) in members.enumerated() { folds[index] = position % foldCount }
        }
        return folds
    }

    /// Majority vote of the `k` nearest training rows (squared Euclidean; ties go to the smaller label).
    static func nearestNeighborPredictions(train: Matrix, labels: [Int], test: Matrix, k: Int) -> [Int] {
        let distances = PairwiseDistances.squaredEuclidean(test, train)
        return (0..<test.rowCount).map { i in
            let nearest = (0..<train.rowCount).sorted { (distances[i, $0], $0) < (distances[i, $1], $1) }.prefix(k)
            var votes: [Int: Int] = [:]
            for j in nearest { votes[labels[j], default: 0] += 1 }
            return votes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? -1
        }
    }

    /// Mean 5-fold stratified accuracy of 3-NN in the space `learn` fits on each standardised training fold
    /// (the test fold is standardised with the training fold's statistics).
    static func accuracy(of dataset: Dataset, seed: UInt64 = 0,
                         learn: (Matrix, [Int]) throws -> MahalanobisMetric) throws -> Double {
        let folds = stratifiedFolds(labels: dataset.labels, foldCount: 5, seed: seed)
        var correct = 0
        for fold in 0..<5 {
            let trainIndices = folds.indices.filter { folds[$0] != fold }
            let testIndices = folds.indices.filter { folds[$0] == fold }
            let standardization = try StandardScaler().fit(dataset.features.rows(at: trainIndices))
            let train = try standardization.transform(dataset.features.rows(at: trainIndices))
            let test = try standardization.transform(dataset.features.rows(at: testIndices))
            let trainLabels = trainIndices.map { dataset.labels[$0] }
            let metric = try learn(train, trainLabels)
            let predictions = nearestNeighborPredictions(train: try metric.transform(train), labels: trainLabels,
                                                         test: try metric.transform(test), k: 3)
            correct += zip(predictions, testIndices).filter { $0 == dataset.labels[$1] }.count
        }
        return Double(correct) / Double(dataset.labels.count)
    }
}

/// The columns of `x` standardised with their own means and population standard deviations.
func standardized(_ x: Matrix) throws -> Matrix {
    try StandardScaler().fit(x).transform(x)
}
