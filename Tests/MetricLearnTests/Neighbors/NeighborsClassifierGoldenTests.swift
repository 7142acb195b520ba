import MetricLearn
import Testing

/// scikit-learn 1.9.1 `KNeighborsClassifier(algorithm="brute")` on a stored iris split (`Fixtures/knn_iris.json`).
@Suite("NeighborsClassifier golden (scikit-learn)")
struct NeighborsClassifierGoldenTests {
    private struct Split {
        let fixture: Fixture
        let train: Dataset, test: Dataset

        init() throws {
            fixture = try Fixture("knn_iris")
            let iris = try Dataset.iris
            #expect(iris.classNames == (try fixture.strings("classes")))
            train = iris.subset(rows: try fixture.integers("trainIndices"))
            test = iris.subset(rows: try fixture.integers("testIndices"))
        }
    }

    @Test("predictions and probabilities", arguments: ["k3-uniform", "k3-distance", "k5-uniform", "k5-distance"])
    func predictions(model name: String) throws {
        let split = try Split()
        let model = try split.fixture.object("models").object(name)
        let weighting = try #require(KNearestNeighbors.Weighting(rawValue: try model.string("weights")))
        let k = try model.integer("nNeighbors")
        let classifier = try KNearestNeighbors(neighborCount: k, weighting: weighting).fit(split.train)
        #expect(try classifier.predict(split.test.features) == (try model.integers("predictions")))
        let probabilities = try classifier.predictProbabilities(split.test.features)
        let expected = try model.matrix("predictProba")
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
        let golden = try split.fixture.object("kneighbors")
        let classifier = try KNearestNeighbors().fit(split.train)
        let result = try classifier.neighbors(of: Matrix(rows: try golden.matrix("queries")),
                                              count: try golden.integer("nNeighbors"))
        let positions = try golden.integerRows("trainPositions"), distances = try golden.matrix("distances")
        try #require(positions.count == result.queryCount && distances.count == result.queryCount)
        for query in 0..<result.queryCount {
            // Distances that agree to 1e-12 are ties up to rounding (iris has one-decimal values), whose order
            // depends on how each BLAS rounds; compare each run of such ties as a set.
            let expected = zip(distances[query], positions[query]).map { ($0, $1) }
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
