import Foundation
import Testing
@testable import MetricLearn

@Suite struct GMMLTests {
    /// The closed form against a NumPy/SciPy transcription of the paper (`Fixtures/gmml_iris.json`; pyDML 0.1.0 has
    /// no GMML): Schur-based matrix powers there, eigendecompositions here, so agreement checks the algebra.
    @Test(arguments: ["t0.5-lambda0", "t0.2-lambda0", "t0.8-lambda2", "t1-lambda0", "t0-lambda0.5"])
    func matchesTheTranscriptionOfThePaper(run: String) throws {
        let fixture = try Fixture("gmml_iris")
        let x = try standardized(try Dataset.iris.features)
        let constraints = try PairConstraints(fixture: fixture)
        let reference = try fixture.object("runs").object(run)
        let learner = GMML(geodesicStep: try reference.number("geodesicStep"),
                           regularization: try reference.number("regularization"))
        let metric = try learner.fit(x, supervision: .pairs(constraints), progress: nil)
        let expected = Matrix(rows: try reference.matrix("M"))
        let error = metric.mahalanobisMatrix.maxAbsoluteDifference(from: expected) / expected.frobeniusNorm
        #expect(error <= 1e-10, "relative difference \(error)")
    }

    /// The geometric mean M = S⁻¹ # D solves MSM = D, and the ends of the geodesic are S⁻¹ (t = 0) and D (t = 1).
    @Test func solvesTheRiccatiEquationAndEndsAtItsEndpoints() throws {
        let data = SyntheticData(classCount: 3, perClass: 12, featureCount: 3, separation: 2, seed: 6)
        var generator = SeededGenerator(seed: 3)
        let constraints = PairConstraints.sampled(labels: data.labels, count: 40, generator: &generator)
        let pairs = PairDifferences(data.features, constraints: constraints)
        let s = pairs.similar.transposedTimesSelf(), d = pairs.dissimilar.transposedTimesSelf()
        func metric(_ t: Double) throws -> Matrix {
            try GMML(geodesicStep: t).fit(data.features, supervision: .pairs(constraints), progress: nil).mahalanobisMatrix
        }
        let mean = try metric(0.5)
        #expect((mean * s * mean).maxAbsoluteDifference(from: d) <= 1e-9 * d.frobeniusNorm)
        let inverse = try s.symmetricPseudoInverse()
        #expect(try metric(0).maxAbsoluteDifference(from: inverse) <= 1e-10 * inverse.frobeniusNorm)
        #expect(try metric(1).maxAbsoluteDifference(from: d) <= 1e-10 * d.frobeniusNorm)
    }

    /// Scaling every feature by c scales S and D by c², M by c^{4t−2} and so every distance by c^{2t}: the ranking of
    /// pairs, all a verifier uses, does not change (t = 0.3 here, so distances grow by 10^{0.6} for c = 10).
    @Test func aCommonScaleOnlyScalesDistances() throws {
        let data = SyntheticData()
        let learner = GMML(geodesicStep: 0.3, constraintCount: 40)
        #expect(!learner.isScaleInvariant)
        let plain = try learner.fit(data.features, labels: data.labels)
        let scaled = try learner.fit(data.features * 10, labels: data.labels)
        let factor = pow(10, 0.6)
        for (a, b) in [(0, 1), (3, 40), (17, 22)] {
            let expected = try plain.distance(data.features.row(a), data.features.row(b)) * factor
            let actual = try scaled.distance((data.features * 10).row(a), (data.features * 10).row(b))
            #expect(abs(actual - expected) <= 1e-9 * expected)
        }
    }

    /// One-hot-like columns (x₃ + x₄ = 1) make Σ vvᵀ singular, but no pair differs along (0, 0, 0, 1, 1): the metric
    /// is fitted in the span of the differences, without regularisation, and is 0 along that direction.
    @Test func collinearColumnsAreFittedInTheirSpan() throws {
        let data = SyntheticData()
        var x = Matrix(rowCount: data.features.rowCount, columnCount: 5)
        for i in 0..<x.rowCount {
            for j in 0..<3 { x[i, j] = data.features[i, j] }
            x[i, 3] = i % 2 == 0 ? 1 : 0
            x[i, 4] = 1 - x[i, 3]
        }
        let metric = try GMML().fit(x, labels: data.labels)
        let m = metric.mahalanobisMatrix
        #expect(m.isFinite)
        #expect(metric.report.details["similarRank"] == 4)
        let along = m.transposedTimes([0, 0, 0, 1, 1])
        #expect(along.allSatisfy { abs($0) <= 1e-12 * m.frobeniusNorm })
        #expect(try GMML(regularization: 1e-3).fit(x, labels: data.labels).mahalanobisMatrix.isFinite)
    }

    /// Embedding the features in a larger space by an orthogonal map (a constant column, then a rotation that
    /// mixes it into every coordinate) changes no distance: the span's geodesic is the original one.
    @Test func anOrthogonalEmbeddingChangesNoDistance() throws {
        let data = SyntheticData(classCount: 3, perClass: 20, featureCount: 3, separation: 1.5, seed: 4)
        let (n, d) = (data.features.rowCount, 3)
        var generator = SeededGenerator(seed: 8)
        let random = Matrix(rowCount: d + 1, columnCount: d + 1,
                            elements: (0..<((d + 1) * (d + 1))).map { _ in generator.nextGaussian() })
        let rotation = try SymmetricEigendecomposition(random.transposedTimesSelf()).eigenvectors
        var padded = Matrix(rowCount: n, columnCount: d + 1)
        for i in 0..<n { for j in 0..<d { padded[i, j] = data.features[i, j] } }
        let embedded = padded.timesTransposed(rotation)
        let plain = try GMML(constraintCount: 60).fit(data.features, labels: data.labels)
        let wide = try GMML(constraintCount: 60).fit(embedded, labels: data.labels)
        #expect(wide.report.details["similarRank"] == Double(d))
        for (a, b) in [(0, 1), (3, 40), (17, 52), (29, 30)] {
            let expected = try plain.distance(data.features.row(a), data.features.row(b))
            let actual = try wide.distance(embedded.row(a), embedded.row(b))
            #expect(abs(actual - expected) <= 1e-8 * expected, "pair (\(a), \(b))")
        }
    }

    /// A feature constant within each class but not between them: dissimilar pairs differ along a direction no
    /// similar pair does, which only regularisation can weigh, so it is refused with that advice.
    @Test func aDirectionOnlyDissimilarPairsSpanNeedsRegularization() throws {
        let data = SyntheticData()
        var x = Matrix(rowCount: data.features.rowCount, columnCount: 4)
        for i in 0..<x.rowCount {
            for j in 0..<3 { x[i, j] = data.features[i, j] }
            x[i, 3] = Double(data.labels[i])
        }
        #expect {
            try GMML().fit(x, labels: data.labels)
        } throws: { error in
            guard case let .invalidData(what, _, requirement) = error as? MetricLearnError else { return false }
            return what == "constraints.similar" && requirement.contains("span 3 of the 4")
                && requirement.contains("dissimilar pairs differ along a direction where no similar pair does")
                && requirement.hasSuffix("set regularization > 0")
        }
        #expect(try GMML(regularization: 1e-3).fit(x, labels: data.labels).mahalanobisMatrix.isFinite)
    }

    @Test func rejectsBadParameters() {
        let data = SyntheticData()
        let cases: [(GMML, String)] = [
            (GMML(geodesicStep: -0.1), "geodesicStep"), (GMML(geodesicStep: 1.5), "geodesicStep"),
            (GMML(regularization: -1), "regularization"), (GMML(regularization: .infinity), "regularization"),
            (GMML(constraintCount: 0), "constraintCount"),
            (GMML(regularization: 1, prior: .matrix(.identity(2))), "prior"),
            (GMML(regularization: 1, prior: .matrix(Matrix(rows: [[1, 0, 0, 0], [0, -1, 0, 0], [0, 0, 1, 0],
                                                                  [0, 0, 0, 1]]))), "prior"),
        ]
        for (learner, name) in cases {
            #expect {
                try learner.fit(data.features, labels: data.labels)
            } throws: { error in
                guard case let .invalidParameter(actual, _, _) = error as? MetricLearnError else { return false }
                return actual == name
            }
        }
    }
}
