import Foundation
import MetricLearn

// TEST-ONLY helpers for the LMNN and ITML tests.
// `BundledTable` is a stand-in until `Dataset.iris` / `Dataset.wine` land from the data branch, and
// `Protocol` holds a brute-force 3-NN until the k-NN module lands; replace both then.

/// The bundled CSV tables, read straight from Sources/MetricLearn/Data/Resources.
enum BundledTable {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MetricLearn/Data/Resources")

    /// Features and labels (0, 1, … in order of first appearance) of `iris` or `wine`.
    static func load(_ name: String) throws -> (x: Matrix, labels: [Int]) {
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).csv"), encoding: .utf8)
        var rows: [[Double]] = []
        var labels: [Int] = []
        var codes: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",").map(String.init)
            rows.append(fields.dropLast().map { Double($0) ?? .nan })
            let label = fields[fields.count - 1]
            if codes[label] == nil { codes[label] = codes.count }
            labels.append(codes[label] ?? -1)
        }
        return (Matrix(rows: rows), labels)
    }
}

/// The evaluation protocol of the learner tests: 5-fold stratified CV (seed 0), standardisation fitted
/// on each training fold, 3-NN in the learned space.
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

    /// `x` standardised with the column means and standard deviations (ddof 0) of `reference`.
    static func standardized(_ x: Matrix, like reference: Matrix) -> Matrix {
        let means = reference.columnMeans()
        let centered = reference.subtractingFromEachRow(means)
        let deviations = (0..<reference.columnCount).map { j in
            let variance = (0..<reference.rowCount).reduce(0) { $0 + centered[$1, j] * centered[$1, j] }
            return max((variance / Double(reference.rowCount)).squareRoot(), 1e-12)
        }
        let shifted = x.subtractingFromEachRow(means)
        return Matrix(rows: shifted.rows.map { row in zip(row, deviations).map { $0 / $1 } })
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
            let rawTrain = x.rows(at: trainRows)
            let train = standardized(rawTrain, like: rawTrain)
            let test = standardized(x.rows(at: testRows), like: rawTrain)
            let trainLabels = trainRows.map { labels[$0] }
            let metric = try fit(train, trainLabels)
            let predicted = nearestNeighborPredictions(train: try metric.transform(train), labels: trainLabels,
                                                       test: try metric.transform(test))
            correct += zip(predicted, testRows).filter { $0 == labels[$1] }.count
        }
        return Double(correct) / Double(labels.count)
    }
}
