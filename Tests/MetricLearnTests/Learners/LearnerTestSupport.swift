import MetricLearn

// TEST-ONLY helper for the LMNN and ITML tests: a 5-fold stratified cross-validation with a brute-force
// 3-NN, standing in until the cross-validation and k-NN modules land; replace it then.

/// The evaluation protocol of the learner tests: stratified 5-fold CV, standardisation fitted on each
/// training fold, 3-NN in the learned space; repeated over fold seeds 0, 1, 2 and averaged.
enum Protocol {
    /// Test folds: each class's indices are shuffled with `SeededGenerator(seed:)` and dealt round-robin.
    static func stratifiedFolds(labels: [Int], foldCount: Int = 5, seed: UInt64 = 0) -> [[Int]] {
        var generator = SeededGenerator(seed: seed)
        var folds = [[Int]](repeating: [], count: foldCount)
        var next = 0
        for label in Set(labels).sorted() {
            var members = labels.indices.filter { labels[$0] == label }
            generator.shuffle(&members)
            for index in members {
                folds[next % foldCount].append(index)
                next += 1
            }
        }
        return folds.map { $0.sorted() }
    }

    /// Majority vote of the k nearest training rows (ties go to the lowest label), brute force.
    static func nearestNeighborPredictions(train: Matrix, labels: [Int], test: Matrix, k: Int = 3) -> [Int] {
        let distances = PairwiseDistances.squaredEuclidean(test, train)
        return (0..<test.rowCount).map { i in
            let nearest = (0..<train.rowCount).sorted { (distances[i, $0], $0) < (distances[i, $1], $1) }.prefix(k)
            var votes: [Int: Int] = [:]
            for j in nearest { votes[labels[j], default: 0] += 1 }
            return votes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? -1
        }
    }

    /// Mean 3-NN accuracy over the folds of a learner fitted on each standardised training fold.
    static func crossValidatedAccuracy(_ x: Matrix, labels: [Int], foldSeed: UInt64 = 0,
                                       fit: (Matrix, [Int]) throws -> MahalanobisMetric) throws -> Double {
        var correct = 0
        for testRows in stratifiedFolds(labels: labels, seed: foldSeed) {
            let testSet = Set(testRows)
            let trainRows = labels.indices.filter { !testSet.contains($0) }
            let scaling = try StandardScaler().fit(x.rows(at: trainRows))
            let train = try scaling.transform(x.rows(at: trainRows))
            let test = try scaling.transform(x.rows(at: testRows))
            let trainLabels = trainRows.map { labels[$0] }
            let metric = try fit(train, trainLabels)
            let predicted = nearestNeighborPredictions(train: try metric.transform(train), labels: trainLabels,
                                                       test: try metric.transform(test))
            correct += zip(predicted, testRows).filter { $0 == labels[$1] }.count
        }
        return Double(correct) / Double(labels.count)
    }

    /// The mean of `crossValidatedAccuracy` over fold seeds 0, 1, 2 (repeated stratified 5-fold CV).
    static func repeatedCrossValidatedAccuracy(_ x: Matrix, labels: [Int],
                                               fit: (Matrix, [Int]) throws -> MahalanobisMetric) throws -> Double {
        let seeds: [UInt64] = [0, 1, 2]
        return try seeds.reduce(0) { $0 + (try crossValidatedAccuracy(x, labels: labels, foldSeed: $1, fit: fit)) }
            / Double(seeds.count)
    }
}
