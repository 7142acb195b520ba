import MetricLearn
import Testing

/// scikit-learn 1.9.1 `KNeighborsClassifier(algorithm="brute")` on a stored iris split (`Fixtures/knn_iris.json`).
@Suite("NeighborsClassifier golden (scikit-learn)")
struct NeighborsClassifierGoldenTests {
    private struct Split {
        let fixture: [String: Any]
        let train: Dataset, test: Dataset

        init() throws {
            fixture = try Fixture.load("knn_iris")
            let iris = try Dataset.iris
            #expect(iris.classNames == fixture["classes"] as? [String])
            train = iris.subset(rows: Fixture.vector(fixture["trainIndices"]).map { Int($0) })
            test = iris.subset(rows: Fixture.vector(fixture["testIndices"]).map { Int($0) })
        }
    }

    @Test("predictions and probabilities", arguments: ["k3-uniform", "k3-distance", "k5-uniform", "k5-distance"])
    func predictions(model name: String) throws {
        let split = try Split()
        let model = try #require((split.fixture["models"] as? [String: Any])?[name] as? [String: Any])
        let weights = try #require(model["weights"] as? String)
        let weighting = try #require(KNearestNeighbors.Weighting(rawValue: weights))
        let k = Int(Fixture.number(model["nNeighbors"]))
        let classifier = try KNearestNeighbors(neighborCount: k, weighting: weighting).fit(split.train)
        #expect(try classifier.predict(split.test.features) == Fixture.vector(model["predictions"]).map { Int($0) })
        let probabilities = try classifier.predictProbabilities(split.test.features)
        let expected = Fixture.matrix(model["predictProba"])
        #expect(probabilities.rowCount == expected.count)
        for (i, row) in expected.enumerated() {
            for (c, value) in row.enumerated() {
                #expect(abs(probabilities[i, c] - value) < 1e-12, "test position \(i), class \(c)")
            }
        }
    }

    @Test("kneighbors: indices and Euclidean distances, nearest first")
    func kneighbors() throws {
        let split = try Split()
        let golden = try #require(split.fixture["kneighbors"] as? [String: Any])
        let classifier = try KNearestNeighbors().fit(split.train)
        let result = try classifier.neighbors(of: Matrix(rows: Fixture.matrix(golden["queries"])),
                                              count: Int(Fixture.number(golden["nNeighbors"])))
        let positions = Fixture.matrix(golden["trainPositions"]), distances = Fixture.matrix(golden["distances"])
        for query in 0..<result.queryCount {
            // Distances that agree to 1e-12 are ties up to rounding (iris has one-decimal values), whose order
            // depends on how each BLAS rounds; compare each run of such ties as a set.
            let expected = zip(distances[query], positions[query].map { Int($0) }).map { ($0, $1) }
            let actual = zip(result.distances(ofQuery: query), result.indices(ofQuery: query)).map { ($0, $1) }
            for ((distance, index), (reference, referenceIndex)) in zip(actual, expected) {
                #expect(abs(distance - reference) < 1e-12, "query \(query)")
                let tied = expected.filter { abs($0.0 - reference) < 1e-12 }.map(\.1)
                #expect(index == referenceIndex || tied.contains(index), "query \(query)")
            }
            #expect(Set(actual.map(\.1)) == Set(expected.map(\.1)), "query \(query)")
        }
    }
}
