import MetricLearn
import Testing

@Suite struct WhiteningTests {
    /// The four corners of a square: covariance (4/3)·I, so M = (3/4)·I.
    let square = Matrix(rows: [[0, 0], [2, 0], [0, 2], [2, 2]])

    private func isClose(_ a: Matrix, _ b: [[Double]], tolerance: Double = 1e-12) -> Bool {
        a.maxAbsoluteDifference(from: Matrix(rows: b)) <= tolerance
    }

    @Test func totalCovarianceOfASquare() throws {
        let metric = try Whitening(mode: .total, shrinkage: .none).fit(square)
        #expect(isClose(metric.mahalanobisMatrix, [[0.75, 0], [0, 0.75]]))
        #expect(metric.report.details["effectiveRank"] == 2)
        #expect(metric.report.didConverge && metric.report.iterations == 0)
    }

    @Test func collinearDataGivesThePseudoInverse() throws {
        // Covariance 4·[1 2; 2 4] = 20·uuᵀ with u = (1, 2)/√5, so M = uuᵀ/20 = [1 2; 2 4]/100 and rank 1.
        let metric = try Whitening(mode: .total, shrinkage: .none).fit(Matrix(rows: [[1, 2], [3, 6], [5, 10]]))
        #expect(isClose(metric.mahalanobisMatrix, [[0.01, 0.02], [0.02, 0.04]], tolerance: 1e-14))
        #expect(metric.report.details["effectiveRank"] == 1)
        #expect(metric.outputDimension == 1)
    }

    @Test func withinClassCovariance() throws {
        // Class deviations are (∓1, 0): pooled within-class covariance diag(4, 0)/(4 − 2) → M = diag(1/2, 0).
        let x = Matrix(rows: [[0, 0], [2, 0], [10, 10], [12, 10]])
        let metric = try Whitening(mode: .withinClass, shrinkage: .none).fit(x, labels: [0, 0, 1, 1])
        #expect(isClose(metric.mahalanobisMatrix, [[0.5, 0], [0, 0]]))
        #expect(metric.report.details["effectiveRank"] == 1)
    }

    @Test func fixedShrinkage() throws {
        // Covariance diag(4/3, 0); λ = 1/2 with target tr/d = 2/3 gives diag(1, 1/3), so M = diag(1, 3).
        let x = Matrix(rows: [[0, 0], [2, 0], [0, 0], [2, 0]])
        let metric = try Whitening(mode: .total, shrinkage: .fixed(0.5)).fit(x)
        #expect(isClose(metric.mahalanobisMatrix, [[1, 0], [0, 3]], tolerance: 1e-12))
        #expect(metric.report.details["shrinkage"] == 0.5)
    }

    @Test func componentCountKeepsTheLargestVarianceDirections() throws {
        // Corners (±3, ±1)·√(3/4): variances 9 (x) and 1 (y), so one component keeps x, scaled by 1/3.
        let x = Matrix(rows: [[-3, 1], [3, -1], [-3, -1], [3, 1]]) * 0.75.squareRoot()
        let metric = try Whitening(mode: .total, shrinkage: .none, componentCount: 1).fit(x)
        #expect(metric.outputDimension == 1)
        let row = metric.components.row(0)
        #expect(abs(abs(row[0]) - 1.0 / 3) < 1e-12 && abs(row[1]) < 1e-12)
    }

    /// Full shrinkage makes every variance tr C / d = 5, but the kept component is still C's leading direction
    /// (shrinkage moves the eigenvalues, not the eigenvectors), not whichever one LAPACK returns first.
    @Test func fullShrinkageKeepsTheCovariancesLeadingDirection() throws {
        let x = Matrix(rows: [[-3, 1], [3, -1], [-3, -1], [3, 1]]) * 0.75.squareRoot()
        let metric = try Whitening(mode: .total, shrinkage: .fixed(1), componentCount: 1).fit(x)
        let row = metric.components.row(0)
        #expect(abs(abs(row[0]) - 1 / 5.0.squareRoot()) < 1e-12 && abs(row[1]) < 1e-12)
    }

    @Test func constantColumnsAndMoreFeaturesThanSamplesStayFinite() throws {
        // 3 samples, 5 features, one constant column: rank ≤ 2, finite PSD result.
        let x = Matrix(rows: [[1, 7, 0, 2, 5], [2, 7, 1, 0, 5], [4, 7, 3, 1, 5]])
        let metric = try Whitening(mode: .total, shrinkage: .none).fit(x)
        #expect(metric.components.isFinite)
        #expect(metric.report.details["effectiveRank"] == 2)
        let eigenvalues = try SymmetricEigendecomposition(metric.mahalanobisMatrix).eigenvalues
        #expect(eigenvalues.allSatisfy { $0 >= -1e-12 })
    }

    @Test func refusesAllConstantFeatures() {
        #expect(throws: MetricLearnError.emptyInput(what: "every feature is constant: the covariance is zero")) {
            try Whitening(mode: .total, shrinkage: .none).fit(Matrix(rows: [[1, 2], [1, 2], [1, 2]]))
        }
    }

    @Test func validatesParameters() {
        #expect(throws: MetricLearnError.invalidParameter(name: "shrinkage", value: "1.5", requirement: "must be in [0, 1]")) {
            try Whitening(mode: .total, shrinkage: .fixed(1.5)).fit(square)
        }
        #expect(throws: MetricLearnError.invalidParameter(
            name: "componentCount", value: "3", requirement: "must be between 1 and the feature count (2)")) {
            try Whitening(mode: .total, shrinkage: .none, componentCount: 3).fit(square)
        }
        #expect(throws: MetricLearnError.self) { try Whitening(mode: .withinClass).fit(square) }
    }

    /// Found by the degenerate-data suite: features near 1e+160 overflowed the covariance (a bare LAPACK
    /// "NaN or infinite values" error) and features near 1e−170 underflowed it ("every feature is constant").
    @Test(arguments: [1e160, 1e-170])
    func featuresWhoseSquaresLeaveDoubleAreRefusedByScale(_ scale: Double) throws {
        let x = Matrix(rows: [[1, 2], [2, 1], [3, 5], [4, 3]]) * scale
        #expect {
            try Whitening(mode: .total, shrinkage: .none).fit(x)
        } throws: { error in
            guard case let .invalidData(what, _, requirement) = error as? MetricLearnError else { return false }
            return what == "features" && requirement.hasSuffix("squared leaves Double's range; standardise the features")
        }
        #expect(try Whitening(mode: .total, shrinkage: .none).fit(x / scale * 1e150).components.isFinite)
        #expect(try Whitening(mode: .total, shrinkage: .none).fit(x / scale * 1e-150).components.isFinite)
    }

    @Test func ledoitWolfCoefficientIsAFraction() throws {
        let data = SyntheticData(featureCount: 6, seed: 7)
        let metric = try Whitening(mode: .total, shrinkage: .ledoitWolf).fit(data.features)
        let coefficient = try #require(metric.report.details["shrinkage"])
        #expect(coefficient > 0 && coefficient < 1)
    }
}

@Suite struct WhiteningAccuracyTests {
    @Test(arguments: ["iris", "wine"])
    func totalWhiteningMatchesMetricLearnCovariance(_ dataset: String) throws {
        let accuracy = try protocolAccuracy(of: .whitening(Whitening(mode: .total, shrinkage: .none)), on: dataset)
        #expect(accuracy >= (try peerAccuracy("ml-covariance", on: dataset)) - 0.01)
    }
}

/// metric-learn 0.7.0's `Covariance` and scikit-learn 1.9.1's Ledoit–Wolf on raw iris and wine
/// (`Fixtures/whitening_iris.json`). L is unique only up to a rotation (and the order of equal eigenvalues),
/// so the tests compare M = LᵀL and distances, never L.
@Suite struct WhiteningGoldenTests {
    private func load(_ name: String) throws -> (reference: Fixture, x: Matrix) {
        let reference = try Fixture("whitening_iris").object(name)
        let x = try (name == "iris" ? Dataset.iris : Dataset.wine).features
        let means = try reference.vector("columnMeans")
        try #require(means.count == x.columnCount)
        #expect(zip(x.columnMeans(), means).allSatisfy { abs($0 - $1) <= 1e-13 * max(1, abs($1)) })
        return (reference, x)
    }

    /// M is inv(np.cov(X)) (ddof 1) and metric-learn's M (scipy `pinvh`, re-formed as LᵀL), and the squared
    /// distances between every two rows are metric-learn's. Measured: M within 6e-14 (max element / ‖M‖_F) of
    /// numpy's inverse and 2e-12 (Frobenius, relative) of metric-learn's; distances within 6e-12 of the largest
    /// (wine, condition number ≈ 1e7). The tolerances, 1e-12 and 1e-10, leave room for other BLAS builds; the
    /// ddof-0 covariance would be off by 1/n ≈ 7e-3.
    @Test(arguments: ["iris", "wine"])
    func totalWhiteningMatchesMetricLearnCovariance(_ name: String) throws {
        let (reference, x) = try load(name)
        let metric = try Whitening(mode: .total, shrinkage: .none).fit(x)
        let m = metric.mahalanobisMatrix
        let inverse = Matrix(rows: try reference.matrix("numpyInverseCovariance"))
        let metricLearn = Matrix(rows: try reference.matrix("metricLearnCovarianceM"))
        #expect(m.maxAbsoluteDifference(from: inverse) <= 1e-12 * inverse.frobeniusNorm)
        #expect((m - metricLearn).frobeniusNorm <= 1e-10 * metricLearn.frobeniusNorm)

        let z = try metric.transform(x)
        let ours = PairwiseDistances.squaredEuclidean(z, z)
        var largest = 0.0, error = 0.0
        for i in 0..<x.rowCount {
            for j in 0..<i {
                let v = zip(x.row(i), x.row(j)).map { $0 - $1 }
                let theirs = zip(metricLearn * v, v).reduce(0) { $0 + $1.0 * $1.1 }
                largest = max(largest, theirs)
                error = max(error, abs(ours[i, j] - theirs))
            }
        }
        #expect(largest > 0 && error <= 1e-10 * largest, "\(error) of \(largest)")
    }

    /// scikit-learn's `ledoit_wolf_shrinkage(X)` to 1e-12 relative (measured 5e-15). scikit-learn shrinks the 1/n
    /// covariance S, ours the 1/(n − 1) one, n/(n − 1)·S, with the same λ, so M·(scikit-learn's shrunk covariance)
    /// = (n − 1)/n·I (measured within 2e-14).
    @Test(arguments: ["iris", "wine"])
    func ledoitWolfMatchesScikitLearn(_ name: String) throws {
        let (reference, x) = try load(name)
        let metric = try Whitening(mode: .total, shrinkage: .ledoitWolf).fit(x)
        let expected = try reference.number("ledoitWolfShrinkage")
        let coefficient = try #require(metric.report.details["shrinkage"])
        #expect(abs(coefficient - expected) <= 1e-12 * expected, "\(coefficient)")

        let shrunk = Matrix(rows: try reference.matrix("ledoitWolfCovariance"))
        let n = Double(x.rowCount)
        let product = metric.mahalanobisMatrix * shrunk * (n / (n - 1))
        #expect(product.maxAbsoluteDifference(from: .identity(x.columnCount)) <= 1e-10)
    }
}
