import Foundation
import MetricLearn
import Testing

@Suite("NeighborsClassifier")
struct NeighborsClassifierTests {
    private func column(_ values: [Double]) -> Matrix { Matrix(rowCount: values.count, columnCount: 1, elements: values) }

    @Test("uniform: a tied vote goes to the smallest class index")
    func uniformTie() throws {
        let classifier = try KNearestNeighbors(neighborCount: 2).fit(column([0, 1]), labels: [1, 0])
        #expect(try classifier.predict(column([0.4, 0.5, 0.9])) == [0, 0, 0])
        let probabilities = try classifier.predictProbabilities(column([0.4]))
        #expect(probabilities.elements == [0.5, 0.5])
    }

    @Test("distance: weights 1/d")
    func distanceWeights() throws {
        let classifier = try KNearestNeighbors(neighborCount: 2, weighting: .distance).fit(column([0, 1]), labels: [1, 0])
        #expect(try classifier.predict(column([0.4, 0.6])) == [1, 0])
        let probabilities = try classifier.predictProbabilities(column([0.4]))
        // Weights 1/0.6 for class 0 and 1/0.4 for class 1: shares 0.4 and 0.6.
        #expect(abs(probabilities[0, 0] - 0.4) < 1e-12 && abs(probabilities[0, 1] - 0.6) < 1e-12)
    }

    @Test("distance: a query on training points is decided by those points only")
    func coincidentQuery() throws {
        let x = column([0, 0, 0.1, 0.2])
        let classifier = try KNearestNeighbors(neighborCount: 4, weighting: .distance).fit(x, labels: [1, 0, 0, 0])
        // Rows 0 and 1 are at distance 0 and vote 1 each (a tie: class 0 wins); rows 2 and 3 get weight 0.
        #expect(try classifier.predictProbabilities(column([0])).elements == [0.5, 0.5])
        #expect(try classifier.predict(column([0])) == [0])
        let single = try KNearestNeighbors(neighborCount: 3, weighting: .distance).fit(column([0, 0.1, 0.2]), labels: [1, 0, 0])
        #expect(try single.predictProbabilities(column([0])).elements == [0, 1])
    }

    @Test("probabilities have a column for every class up to the largest label, zero for absent classes")
    func absentClass() throws {
        let classifier = try KNearestNeighbors(neighborCount: 3).fit(column([0, 1, 2, 10]), labels: [0, 2, 2, 0])
        #expect(classifier.classCount == 3)
        let probabilities = try classifier.predictProbabilities(column([1]))
        #expect(probabilities.columnCount == 3)
        #expect(abs(probabilities[0, 0] - 1.0 / 3) < 1e-15 && probabilities[0, 1] == 0
                && abs(probabilities[0, 2] - 2.0 / 3) < 1e-15)
    }

    @Test("leave-one-out never lets a sample vote for itself")
    func leaveOneOut() throws {
        let x = column([0, 0.1, 1, 1.1, 5])
        let labels = [0, 0, 1, 1, 0]
        let classifier = try KNearestNeighbors(neighborCount: 1).fit(x, labels: labels)
        #expect(try classifier.accuracy(on: x, labels: labels) == 1)
        // Row 4's nearest other sample is row 3 (class 1): 4 of 5 correct.
        #expect(try classifier.leaveOneOutAccuracy() == 0.8)
        let tooMany = try KNearestNeighbors(neighborCount: 5).fit(x, labels: labels)
        #expect(throws: MetricLearnError.invalidParameter(
            name: "count", value: "5",
            requirement: "must be between 1 and the number of indexed points minus one (4)")) {
            try tooMany.leaveOneOutAccuracy()
        }
    }

    @Test("with a metric, neighbours are found in the metric's space")
    func withMetric() throws {
        var generator = SeededGenerator(seed: 3)
        let x = Matrix(rowCount: 40, columnCount: 3, elements: (0..<120).map { _ in generator.nextGaussian() })
        let labels = (0..<40).map { $0 % 2 }
        let queries = Matrix(rowCount: 7, columnCount: 3, elements: (0..<21).map { _ in 3 * generator.nextGaussian() })
        let metric = MahalanobisMetric(components: Matrix(rows: [[2, 0, 0], [0, 0.5, 1]]),
                                       report: FitReport(learner: .whitening(Whitening())))
        let inMetric = try KNearestNeighbors(neighborCount: 3, weighting: .distance).fit(x, labels: labels, metric: metric)
        let mapped = try KNearestNeighbors(neighborCount: 3, weighting: .distance).fit(try metric.transform(x), labels: labels)
        #expect(inMetric.featureCount == 3 && mapped.featureCount == 2)
        #expect(try inMetric.predict(queries) == mapped.predict(try metric.transform(queries)))
        let neighbors = try inMetric.neighbors(of: queries)
        #expect(neighbors.indices == (try mapped.neighbors(of: try metric.transform(queries))).indices)
        for q in 0..<7 {
            for (index, distance) in zip(neighbors.indices(ofQuery: q), neighbors.distances(ofQuery: q)) {
                let direct = try metric.distance(queries.row(q), x.row(index))
                #expect(abs(distance - direct) <= 1e-12 * max(1, direct))
            }
        }
    }

    @Test("queries of the wrong width or with NaN are rejected")
    func queryValidation() throws {
        let classifier = try KNearestNeighbors(neighborCount: 1).fit(Matrix(rows: [[0, 0], [1, 1]]), labels: [0, 1])
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 2, actual: 1)) {
            try classifier.predict(column([0]))
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 0, column: 1)) {
            try classifier.predictProbabilities(Matrix(rows: [[0, .nan]]))
        }
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 1, labelCount: 2)) {
            try classifier.accuracy(on: Matrix(rows: [[0, 0]]), labels: [0, 1])
        }
    }

    @Test("Codable round trip is exact; inconsistent files are rejected")
    func codable() throws {
        let metric = MahalanobisMetric(components: Matrix(rows: [[1, 0.5]]), report: FitReport(learner: .whitening(Whitening())))
        let classifier = try KNearestNeighbors(neighborCount: 2, weighting: .distance)
            .fit(Matrix(rows: [[0, 0], [1, 1], [2, 0.5]]), labels: [0, 1, 1], metric: metric)
        let data = try JSONEncoder().encode(classifier)
        #expect(try JSONDecoder().decode(NeighborsClassifier.self, from: data) == classifier)

        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["labels"] = [0, 1]
        let shortLabels = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NeighborsClassifier.self, from: shortLabels) }
        object["labels"] = [0, 1, 2]
        let badLabel = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NeighborsClassifier.self, from: badLabel) }
        object["labels"] = [0, 1, 1]
        for classCount in [0, Int.max, (1 << 22) + 1] {
            object["classCount"] = classCount
            let badCount = try JSONSerialization.data(withJSONObject: object)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(NeighborsClassifier.self, from: badCount) }
        }
        object["classCount"] = 1 << 22
        let largestCount = try JSONDecoder().decode(NeighborsClassifier.self,
                                                     from: try JSONSerialization.data(withJSONObject: object))
        #expect(largestCount.classCount == 1 << 22)
    }
}
