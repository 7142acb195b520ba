import Testing
@testable import MetricLearn

@Suite("MahalanobisMetric composed with a standardization")
struct MahalanobisMetricStandardizationTests {
    /// 40 random rows whose four columns have standard deviations near 1e-3, 1, 1e3 and 1e5 around
    /// means 0, 5, −2000 and 1e6, and a random 3×4 map L.
    private static func randomProblem() -> (x: Matrix, metric: MahalanobisMetric) {
        var generator = SeededGenerator(seed: 11)
        let (spreads, means) = ([1e-3, 1, 1e3, 1e5], [0.0, 5, -2000, 1e6])
        let x = Matrix(rows: (0..<40).map { _ in (0..<4).map { means[$0] + spreads[$0] * generator.nextGaussian() } })
        let components = Matrix(rows: (0..<3).map { _ in (0..<4).map { _ in generator.nextGaussian() } })
        let metric = MahalanobisMetric(components: components, featureNames: ["a", "b", "c", "d"],
                                       featureWeights: [FeatureWeight(feature: "c", weight: 2)],
                                       report: FitReport(learner: .nca(NCA()), details: ["expectedAccuracy": 0.5]))
        return (x, metric)
    }

    @Test("Distances on raw rows equal those after standardization, to 1e-12 relative")
    func distancesMatch() throws {
        let (x, metric) = Self.randomProblem()
        let standardization = try StandardScaler().fit(x)
        let z = try standardization.transform(x)
        let composed = try metric.composed(with: standardization)
        var largest = 0.0
        for i in 0..<x.rowCount {
            for j in 0..<x.rowCount where j != i {
                let expected = try metric.distance(z.row(i), z.row(j))
                let actual = try composed.distance(x.row(i), x.row(j))
                largest = max(largest, abs(actual - expected) / expected)
            }
        }
        #expect(largest < 1e-12)
    }

    @Test("The embedding differs from standardize-then-L by the constant row L·S⁻¹·μ")
    func transformDiffersByAConstantRow() throws {
        let (x, metric) = Self.randomProblem()
        let standardization = try StandardScaler().fit(x)
        let raw = try metric.composed(with: standardization).transform(x)
        let standardized = try metric.transform(try standardization.transform(x))
        let centre = Matrix(rowCount: 1, columnCount: 4,
                            elements: zip(standardization.means, standardization.scales).map { $0 / $1 })
        let offset = try metric.transform(centre).row(0)
        for i in 0..<x.rowCount {
            for c in 0..<3 {
                let difference = raw[i, c] - standardized[i, c]
                #expect(abs(difference - offset[c]) <= 1e-9 * max(1, abs(offset[c])))
            }
        }
        // The offset is far from zero here (the means are large), so the check above is not vacuous.
        #expect(offset.map(abs).max() ?? 0 > 1)
    }

    @Test("Components are L with column j divided by scale j; a constant column keeps scale 1")
    func componentsByHand() throws {
        // Column 0: values 0 and 4, population sd 2. Column 1: constant, scale 1.
        let x = Matrix(rows: [[0, 7], [4, 7]])
        let standardization = try StandardScaler().fit(x)
        #expect(standardization.scales == [2, 1])
        let metric = MahalanobisMetric(components: Matrix(rows: [[6, 5], [-2, 3]]), report: FitReport(learner: .nca(NCA())))
        let composed = try metric.composed(with: standardization)
        #expect(composed.components == Matrix(rows: [[3, 5], [-1, 3]]))
        #expect(composed.components.isFinite)
    }

    @Test("Without division by the standard deviation the components are unchanged")
    func meanOnlyScaler() throws {
        let (x, metric) = Self.randomProblem()
        let standardization = try StandardScaler(dividesByStandardDeviation: false).fit(x)
        #expect(try metric.composed(with: standardization).components == metric.components)
    }

    @Test("Names, feature weights and report are kept; the report records the standardization")
    func keepsTheRest() throws {
        let (x, metric) = Self.randomProblem()
        let composed = try metric.composed(with: try StandardScaler().fit(x))
        #expect(composed.featureNames == ["a", "b", "c", "d"])
        #expect(composed.featureWeights == [FeatureWeight(feature: "c", weight: 2)])
        #expect(composed.report.details == ["expectedAccuracy": 0.5, "standardized": 1])
        #expect(composed.report.learner == metric.report.learner)
    }

    @Test("A standardization of another width is a featureCountMismatch")
    func widthMismatch() throws {
        let (_, metric) = Self.randomProblem()
        let standardization = try StandardScaler().fit(Matrix(rows: [[1, 2], [3, 5]]))
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 4, actual: 2)) {
            try metric.composed(with: standardization)
        }
    }

    @Test("k-NN in the composed metric on raw features predicts as the standardizing pipeline")
    func predictionsMatchThePipeline() throws {
        // Iris with its first column in thousandths: the units differ by 10⁴ between columns.
        let iris = try Dataset.iris
        var features = iris.features
        for i in 0..<features.rowCount { features[i, 0] *= 1000 }
        let dataset = try Dataset(features: features, labels: iris.labels, classNames: iris.classNames,
                              featureNames: iris.featureNames)
        let nca = NCA(componentCount: 2, maxIterations: 20)
        let pipeline = try Pipeline(learner: .nca(nca), classifier: KNearestNeighbors(neighborCount: 3)).fit(dataset)

        let standardization = try StandardScaler().fit(features)
        let metric = try nca.fit(try standardization.transform(features), labels: dataset.labels)
            .composed(with: standardization)
        let classifier = try KNearestNeighbors(neighborCount: 3).fit(features, labels: dataset.labels, metric: metric)
        let predictions = try classifier.predict(features)
        #expect(predictions == (try pipeline.predict(features)))
        #expect(metric.report.details["standardized"] == 1)
    }
}
