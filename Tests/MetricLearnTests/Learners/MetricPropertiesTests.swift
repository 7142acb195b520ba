import MetricLearn
import Testing

/// Pseudo-metric properties of every learned metric (metric-learn's `test_mahalanobis_mixin` checks).
@Suite struct MetricPropertiesTests {
    let data = SyntheticData()

    private func metric(_ index: Int) throws -> MahalanobisMetric {
        try allLearners[index].fit(data.features, classes: data.labels)
    }

    @Test(arguments: allLearners.indices)
    func mahalanobisMatrixIsSymmetricPositiveSemidefinite(_ index: Int) throws {
        let m = try metric(index).mahalanobisMatrix
        #expect(m.isSymmetric(tolerance: 1e-12))
        let eigenvalues = try SymmetricEigendecomposition(m).eigenvalues
        #expect(eigenvalues.allSatisfy { $0 >= -1e-10 * max(1, eigenvalues.last ?? 1) })
    }

    @Test(arguments: allLearners.indices)
    func distanceIsAPseudoMetric(_ index: Int) throws {
        let metric = try metric(index)
        let points = (0..<8).map { data.features.row($0 * 5) }
        for a in points {
            #expect(try metric.distance(a, a) == 0)
            for b in points {
                let dab = try metric.distance(a, b)
                #expect(dab >= 0)
                #expect(dab == (try metric.distance(b, a)))
                for c in points {
                    #expect(dab <= (try metric.distance(a, c)) + (try metric.distance(c, b)) + 1e-12)
                }
            }
        }
    }

    @Test(arguments: allLearners.indices)
    func distanceEqualsTheExplicitMahalanobisForm(_ index: Int) throws {
        let metric = try metric(index)
        let m = metric.mahalanobisMatrix
        for (i, j) in [(0, 1), (3, 40), (12, 29)] {
            let a = data.features.row(i), b = data.features.row(j)
            let difference = zip(a, b).map { $0 - $1 }
            let quadratic = zip(difference, m * difference).reduce(0) { $0 + $1.0 * $1.1 }
            let distance = try metric.distance(a, b)
            #expect(abs(distance - quadratic.squareRoot()) <= 1e-10 * max(1, distance))
        }
    }

    @Test(arguments: allLearners.indices)
    func transformIsLinear(_ index: Int) throws {
        let metric = try metric(index)
        let a = data.features.row(2), b = data.features.row(31)
        let combined = zip(a, b).map { 2 * $0 - 0.5 * $1 }
        let images = try metric.transform(Matrix(rows: [a, b, combined]))
        for k in 0..<images.columnCount {
            let expected = 2 * images[0, k] - 0.5 * images[1, k]
            #expect(abs(images[2, k] - expected) <= 1e-10 * max(1, abs(expected)))
        }
    }
}
