import Foundation
import Testing
@testable import MetricLearn

@Suite struct MMCTests {
    /// The table and pairs of a `mmc_pairs.json` run, standardised as the fixture was.
    private func load(_ data: String) throws -> (x: Matrix, constraints: PairConstraints) {
        let entry = try Fixture("mmc_pairs").object("runs").object("\(data)/pairs")
        let raw = try (data == "iris" ? Dataset.iris : Dataset.wine).features
        return (try standardized(raw), try PairConstraints(fixture: entry))
    }

    /// metric-learn 0.7.0's diagonal MMC on standardised iris (60 + 60 pairs) and wine (40 + 40).
    ///
    /// The diagonal solver takes metric-learn's steps in its order, so the metrics agree to round-off (1e-13
    /// relative to ‖M‖_F here); a different step rule or one step more or less would move M far beyond the
    /// tolerance of 1e-9.
    @Test(arguments: ["iris", "wine"])
    func diagonalMatchesMetricLearn(data: String) throws {
        let (x, constraints) = try load(data)
        let reference = try Fixture("mmc_pairs").object("runs").object("\(data)/diagonal")
        let metric = try MMC(shape: .diagonal).fit(x, supervision: .pairs(constraints), progress: nil)
        let expected = Matrix(rows: try reference.matrix("M"))
        let error = metric.mahalanobisMatrix.maxAbsoluteDifference(from: expected) / expected.frobeniusNorm
        #expect(error <= 1e-9, "relative difference \(error)")
        #expect(metric.report.details["collapsed"] == 0, "metric-learn finishes these fits without NaNs")
    }

    /// The full solver against metric-learn 0.7.0's on the same pairs. Both maximise the concave g(M) over the
    /// convex set {M ⪰ 0, Σ_S vᵀMv ≤ t}, with the same cycles, but ours projects exactly where metric-learn
    /// alternates projections until Σ_S is within 1 % of t, so the metrics differ. What must hold: the same t, a
    /// feasible M on the bound (to the projection's 10⁻⁶), and an objective at least metric-learn's once its M is
    /// scaled onto the bound (g = 4.10482 against 4.10393 on iris, 4.25063 against 4.24930 on wine: ours runs 100
    /// cycles and 377 and 385 projections, metric-learn 100 cycles and 37 000–87 000 projections). metric-learn's
    /// own M lies up to 1 % beyond the bound (g = 4.10890 on iris), hence the scaling.
    @Test(arguments: ["iris", "wine"])
    func fullReachesMetricLearnsObjectiveOnTheBound(data: String) throws {
        let (x, constraints) = try load(data)
        let reference = try Fixture("mmc_pairs").object("runs").object("\(data)/full")
        let metric = try MMC(shape: .full).fit(x, supervision: .pairs(constraints), progress: nil)
        let bound = try reference.number("similarBound")
        #expect(abs((metric.report.details["similarBound"] ?? .nan) - bound) <= 1e-12 * bound)

        let similar = MMCDissimilarityTerm(differences: x.pairDifferences(constraints.similar))
        let dissimilar = MMCDissimilarityTerm(differences: x.pairDifferences(constraints.dissimilar))
        func similarSum(_ m: Matrix) -> Double { similar.distances(m.elements).reduce(0) { $0 + $1 * $1 } }
        func objective(_ m: Matrix) -> Double { dissimilar.value(distances: dissimilar.distances(m.elements)) }
        let ours = metric.mahalanobisMatrix
        let theirs = Matrix(rows: try reference.matrix("M"))
        let scaledTheirs = theirs * (bound / similarSum(theirs))
        #expect(abs(similarSum(ours) - bound) <= 1.000001e-6 * bound, "Σ_S \(similarSum(ours)) against t = \(bound)")
        #expect(objective(ours) >= objective(scaledTheirs) - 1e-9,
                "g \(objective(ours)) against metric-learn's \(objective(scaledTheirs))")
    }

    /// ∇g of the full solver (metric-learn's `_fD1`) against central differences of g (`_fD`): they differ only by
    /// the 10⁻⁶ that softens each pair's 1/√ in the gradient, about 10⁻⁶ relative at these distances.
    @Test func fullGradientMatchesFiniteDifferences() throws {
        let data = SyntheticData(classCount: 3, perClass: 8, featureCount: 4, separation: 2, seed: 3)
        var generator = SeededGenerator(seed: 1)
        let constraints = PairConstraints.sampled(labels: data.labels, count: 15, generator: &generator)
        let term = MMCDissimilarityTerm(differences: data.features.pairDifferences(constraints.dissimilar))
        var start = [Double](repeating: 0, count: 16)
        for (index, value) in [1.5, 0.2, -0.1, 0.3, 0.2, 0.9, 0.1, 0, -0.1, 0.1, 1.2, 0.2, 0.3, 0, 0.2, 0.7].enumerated() {
            start[index] = value
        }
        let objective = ClosureObjective(dimension: 16) { point, gradient in
            let distances = term.distances(point)
            gradient = term.gradient(distances: distances)
            return term.value(distances: distances)
        }
        var analytic = [Double](repeating: 0, count: 16)
        _ = objective.valueAndGradient(at: start, gradient: &analytic)
        let numeric = FiniteDifferences.gradient(of: objective, at: start)
        let error = FiniteDifferences.relativeError(analytic, numeric)
        #expect(error <= 1e-5 && error >= 1e-9, "\(error)")
    }

    /// The diagonal solver's gradient and Hessian of h(w) = log Σ √(u·w) against central differences.
    @Test func diagonalGradientAndHessianMatchFiniteDifferences() throws {
        let data = SyntheticData(classCount: 3, perClass: 8, featureCount: 4, separation: 2, seed: 4)
        var generator = SeededGenerator(seed: 2)
        let constraints = PairConstraints.sampled(labels: data.labels, count: 15, generator: &generator)
        let differences = data.features.pairDifferences(constraints.dissimilar)
        let term = MMCDiagonalTerm(squaredDifferences: differences.hadamard(differences))
        let w = [0.7, 1.3, 0.4, 2.1]
        let valueObjective = ClosureObjective(dimension: 4) { point, gradient in
            let evaluation = term.evaluate(point)
            gradient = evaluation.gradient
            return evaluation.value
        }
        var analytic = [Double](repeating: 0, count: 4)
        _ = valueObjective.valueAndGradient(at: w, gradient: &analytic)
        #expect(FiniteDifferences.relativeError(analytic, FiniteDifferences.gradient(of: valueObjective, at: w)) <= 1e-8)
        for r in 0..<4 {
            let row = ClosureObjective(dimension: 4) { point, gradient in
                let evaluation = term.evaluate(point)
                gradient = (0..<4).map { evaluation.hessian[r * 4 + $0] }
                return evaluation.gradient[r]
            }
            var hessianRow = [Double](repeating: 0, count: 4)
            _ = row.valueAndGradient(at: w, gradient: &hessianRow)
            #expect(FiniteDifferences.relativeError(hessianRow, FiniteDifferences.gradient(of: row, at: w)) <= 1e-7)
        }
    }

    /// Two clusters split along x₀; x₁ is noise. Pairs within a cluster are similar, across dissimilar: both
    /// shapes learn to weigh x₀ far above x₁, so every similar pair ends nearer than every dissimilar pair.
    @Test(arguments: [MMC.Shape.full, .diagonal])
    func separatesAClusteredToySet(shape: MMC.Shape) throws {
        var generator = SeededGenerator(seed: 9)
        let x = Matrix(rows: (0..<40).map { i in
            [Double(i < 20 ? 0 : 3) + 0.3 * generator.nextGaussian(), 3 * generator.nextGaussian()]
        })
        let labels = (0..<40).map { $0 < 20 ? 0 : 1 }
        var pairGenerator = SeededGenerator(seed: 1)
        let constraints = PairConstraints.sampled(labels: labels, count: 40, generator: &pairGenerator)
        let metric = try MMC(shape: shape).fit(x, supervision: .pairs(constraints), progress: nil)
        let m = metric.mahalanobisMatrix
        #expect(m[0, 0] > 10 * m[1, 1], "\(m)")
        let similar = try metric.pairDistances(x, pairs: constraints.similar)
        let dissimilar = try metric.pairDistances(x, pairs: constraints.dissimilar)
        #expect((similar.max() ?? .nan) < (dissimilar.min() ?? .nan))
    }

    /// On raw (unstandardised) blobs, metric-learn's diagonal MMC takes a full Newton step that zeroes every weight
    /// and then fails on NaNs ("Input contains NaN", checked with metric-learn 0.7.0 on these pairs). This solver
    /// stops before that step: the weights it returns still separate the pairs, and the report says what happened.
    /// (Standardising does not always avoid that step: on these blobs standardised it comes too. Where metric-learn
    /// finishes, on the iris and wine fixtures, nothing collapses: `diagonalMatchesMetricLearn`.)
    @Test func diagonalStopsBeforeTheStepThatZeroesEveryWeight() throws {
        let data = SyntheticData()
        let metric = try MMC(shape: .diagonal, constraintCount: 30, seed: 2).fit(data.features, labels: data.labels)
        #expect(metric.report.details["collapsed"] == 1)
        #expect(!metric.report.didConverge)
        #expect(metric.mahalanobisMatrix.elements.contains { $0 > 0 })
    }

    @Test func learnsFromSampledLabelsAndRefusesTriplets() throws {
        let data = SyntheticData()
        let metric = try MMC(constraintCount: 30).fit(data.features, labels: data.labels)
        #expect(metric.report.details["similarPairCount"] == 30)
        #expect(throws: MetricLearnError.unsupportedSupervision(learner: "mmc", given: "triplets",
                                                                 accepted: ["pairs", "class labels"])) {
            try MMC().fit(data.features, supervision: .triplets(TripletConstraints([(0, 1, 2)])), progress: nil)
        }
    }

    @Test func rejectsPairsOfOneKindAndPairsThatJoinIdenticalRows() throws {
        let x = Matrix(rows: [[0, 1], [1, 0], [2, 2], [0, 1]])
        #expect(throws: MetricLearnError.invalidData(what: "constraints", value: "1 similar and 0 dissimilar pairs",
                                                     requirement: "pair learners need at least one similar and one "
                                                         + "dissimilar pair")) {
            try MMC().fit(x, supervision: .pairs(PairConstraints(similar: [(0, 1)])), progress: nil)
        }
        #expect {
            try MMC().fit(x, supervision: .pairs(PairConstraints(similar: [(0, 3)], dissimilar: [(0, 2)])), progress: nil)
        } throws: { error in
            guard case let .invalidData(what, _, _) = error as? MetricLearnError else { return false }
            return what == "constraints.similar"
        }
    }

    @Test func rejectsBadParameters() {
        let data = SyntheticData()
        let cases: [(MMC, String)] = [
            (MMC(maxIterations: 0), "maxIterations"), (MMC(maxProjections: 0), "maxProjections"),
            (MMC(tolerance: -1), "tolerance"), (MMC(dissimilarityWeight: 0), "dissimilarityWeight"),
            (MMC(constraintCount: 0), "constraintCount"), (MMC(initialization: .matrix(.identity(3))), "initialization"),
            (MMC(initialization: .matrix(Matrix(rows: [[1, 0, 0, 0], [0, -1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]))),
             "initialization"),
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

/// An objective given by a closure, for finite-difference checks of functions that are not themselves objectives.
struct ClosureObjective: DifferentiableObjective {
    let dimension: Int
    let evaluate: ([Double], inout [Double]) -> Double

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double { evaluate(point, &gradient) }
}
