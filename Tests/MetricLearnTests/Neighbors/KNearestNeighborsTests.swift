import Foundation
import MetricLearn
import Testing

@Suite("KNearestNeighbors")
struct KNearestNeighborsTests {
    private let x = Matrix(rows: [[0, 0], [1, 0], [0, 1], [1, 1]])
    private let labels = [0, 0, 1, 1]

    @Test("configuration stores parameters as given; defaults are scikit-learn's")
    func configuration() {
        #expect(KNearestNeighbors() == KNearestNeighbors(neighborCount: 5, weighting: .uniform))
        #expect(KNearestNeighbors(neighborCount: -3).neighborCount == -3)
    }

    @Test("fit validates neighborCount against the training size", arguments: [0, 5])
    func neighborCountValidation(count: Int) {
        let requirement = count < 1 ? "must be at least 1" : "must be at most the number of training samples (4)"
        #expect(throws: MetricLearnError.invalidParameter(name: "neighborCount", value: String(count), requirement: requirement)) {
            try KNearestNeighbors(neighborCount: count).fit(x, labels: labels)
        }
    }

    @Test("fit rejects bad data with typed errors")
    func dataValidation() {
        let knn = KNearestNeighbors(neighborCount: 1)
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 4, labelCount: 3)) {
            try knn.fit(x, labels: [0, 1, 1])
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 2, column: 1)) {
            try knn.fit(Matrix(rows: [[0, 0], [1, 0], [0, .nan], [1, 1]]), labels: labels)
        }
        #expect(throws: MetricLearnError.singleClass(label: "0")) { try knn.fit(x, labels: [0, 0, 0, 0]) }
        #expect(throws: MetricLearnError.emptyInput(what: "no samples")) {
            try knn.fit(Matrix(rowCount: 0, columnCount: 2), labels: [])
        }
        let metric = MahalanobisMetric(components: Matrix.identity(3), report: FitReport(learner: .whitening(Whitening())))
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 3, actual: 2)) {
            try knn.fit(x, labels: labels, metric: metric)
        }
    }
}
