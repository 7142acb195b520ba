import Foundation
import MetricLearn
import Testing

@Suite struct NeighborsRegressorTests {
    @Test func uniformAndDistanceWeightedMeans() throws {
        let x = Matrix(rows: [[0], [1], [3], [7]])
        let regressor = try KNearestNeighbors(neighborCount: 2).fit(x, targets: [10, 20, 30, 40])
        #expect(try regressor.predict(Matrix(rows: [[0.4], [2.5], [100]])) == [15, 25, 35])
        let weighted = try KNearestNeighbors(neighborCount: 2, weighting: .distance).fit(x, targets: [10, 20, 30, 40])
        // Query 2.5: neighbours 3 (d = 0.5, w = 2) and 1 (d = 1.5, w = 2/3): (60 + 40/3) / (8/3) = 27.5.
        #expect(abs(try weighted.predict(Matrix(rows: [[2.5]]))[0] - 27.5) < 1e-12)
        // A query on a training point: that point alone.
        #expect(try weighted.predict(Matrix(rows: [[3]])) == [30])
    }

    @Test func leaveOneOutPredictionsNeverUseTheSampleItself() throws {
        let x = Matrix(rows: [[0], [1], [3], [7]])
        let regressor = try KNearestNeighbors(neighborCount: 1).fit(x, targets: [10, 20, 30, 40])
        #expect(try regressor.leaveOneOutPredictions() == [20, 10, 20, 30])
    }

    @Test func predictsInTheMetricsSpace() throws {
        // Along feature 0 the targets change; the metric keeps only feature 1, where the nearest sample differs.
        let x = Matrix(rows: [[0, 0], [1, 10], [10, 1]])
        let metric = MahalanobisMetric(components: Matrix(rows: [[0, 1]]), report: FitReport(learner: .whitening(Whitening())))
        let regressor = try KNearestNeighbors(neighborCount: 1).fit(x, targets: [1, 2, 3], metric: metric)
        #expect(try regressor.predict(Matrix(rows: [[0.9, 0.8]])) == [3])
        #expect(try KNearestNeighbors(neighborCount: 1).fit(x, targets: [1, 2, 3]).predict(Matrix(rows: [[0.9, 0.8]])) == [1])
    }

    @Test func badInputIsRefused() {
        let x = Matrix(rows: [[0], [1]])
        #expect(throws: MetricLearnError.invalidParameter(name: "neighborCount", value: "3",
                                                          requirement: "must be at most the number of training samples (2)")) {
            try KNearestNeighbors(neighborCount: 3).fit(x, targets: [1, 2])
        }
        #expect(throws: MetricLearnError.invalidData(what: "targets", value: "[1] = inf", requirement: "must be finite numbers")) {
            try KNearestNeighbors(neighborCount: 1).fit(x, targets: [1, .infinity])
        }
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 2, labelCount: 1)) {
            try KNearestNeighbors(neighborCount: 1).fit(x, targets: [1])
        }
    }

    @Test func codableRoundTripIsExactAndChecked() throws {
        let data = try RegressionDataset.diabetes.subset(rows: 0..<30)
        let regressor = try KNearestNeighbors(neighborCount: 4, weighting: .distance).fit(data)
        let encoded = try JSONEncoder().encode(regressor)
        #expect(try JSONDecoder().decode(NeighborsRegressor.self, from: encoded) == regressor)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["targets"] = [1.0, 2.0]
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(NeighborsRegressor.self, from: JSONSerialization.data(withJSONObject: object))
        }
    }
}

/// scikit-learn 1.9.1 `KNeighborsRegressor(algorithm="brute")` (`Fixtures/knn_regression.json`): on diabetes, and
/// on a grid with repeated points whose neighbour sets depend on tie-breaking.
@Suite("NeighborsRegressor golden (scikit-learn)")
struct NeighborsRegressorGoldenTests {
    static let models = ["k1-uniform", "k1-distance", "k3-uniform", "k3-distance", "k5-uniform", "k5-distance",
                         "k10-uniform", "k10-distance"]
    static let tieModels = ["k1-uniform", "k1-distance", "k2-uniform", "k2-distance", "k3-uniform", "k3-distance",
                            "k4-uniform", "k4-distance", "k6-uniform", "k6-distance"]

    static func regressor(_ model: Fixture, x: Matrix, targets: [Double]) throws -> NeighborsRegressor {
        let weighting = try #require(KNearestNeighbors.Weighting(rawValue: try model.string("weights")))
        return try KNearestNeighbors(neighborCount: try model.integer("nNeighbors"), weighting: weighting)
            .fit(x, targets: targets)
    }

    /// Sums of at most 10 terms in another order can differ in the last bits; 8 or fewer are added as NumPy does.
    static func expectClose(_ actual: [Double], _ expected: [Double], _ name: String) {
        #expect(actual.count == expected.count)
        for (position, (value, reference)) in zip(actual, expected).enumerated() {
            #expect(abs(value - reference) <= 1e-12 * max(1, abs(reference)), "\(name), query \(position)")
        }
    }

    @Test(arguments: models)
    func diabetes(_ name: String) throws {
        let fixture = try Fixture("knn_regression")
        let diabetes = try RegressionDataset.diabetes
        let train = diabetes.subset(rows: try fixture.integers("trainIndices"))
        let test = diabetes.subset(rows: try fixture.integers("testIndices"))
        let model = try fixture.object("models").object(name)
        let regressor = try Self.regressor(model, x: train.features, targets: train.targets)
        Self.expectClose(try regressor.predict(test.features), try model.vector("predictions"), name)
    }

    /// Where scikit-learn's neighbours are the k nearest with ties broken by lower index (ours), the predictions
    /// agree to the last bits (ties within the k, coincident points for distance weights). Where its heap kept a
    /// higher index among rows tied at the k-th distance, ours is the mean over the lower-index rows, and the
    /// fixture must hold such queries, so the comparison above is not vacuous.
    @Test(arguments: tieModels)
    func ties(_ name: String) throws {
        let ties = try Fixture("knn_regression").object("ties")
        let model = try ties.object("models").object(name)
        let (points, targets) = (Matrix(rows: try ties.matrix("points")), try ties.vector("targets"))
        let queries = Matrix(rows: try ties.matrix("queries"))
        let regressor = try Self.regressor(model, x: points, targets: targets)
        let predicted = try regressor.predict(queries)
        let expected = try model.vector("predictions"), theirs = try model.integerRows("neighbors")
        let ours = try regressor.neighbors(of: queries)
        for query in 0..<queries.rowCount {
            let distances = (0..<points.rowCount).map { zip(points.row($0), queries.row(query)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            let lowerIndexFirst = Array((0..<points.rowCount).sorted { (distances[$0], $0) < (distances[$1], $1) }
                .prefix(regressor.configuration.neighborCount))
            #expect(Array(ours.indices(ofQuery: query)) == lowerIndexFirst, "\(name), query \(query)")
            if Set(theirs[query]) == Set(lowerIndexFirst) {
                #expect(abs(predicted[query] - expected[query]) <= 1e-13 * abs(expected[query]), "\(name), query \(query)")
            }
        }
        let differing = (0..<queries.rowCount).filter { Set(theirs[$0]) != Set(ours.indices(ofQuery: $0)) }
        #expect(differing.count < queries.rowCount, "\(name): no query with scikit-learn's neighbours")
    }
}
