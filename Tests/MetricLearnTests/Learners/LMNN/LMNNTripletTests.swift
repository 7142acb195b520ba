import Foundation
import Testing
@testable import MetricLearn

@Suite struct LMNNTripletTests {
    /// Every (i, j, l) with j a target neighbour of i and l of another class, the triplets a labelled fit sums over.
    private static func labelTriplets(_ data: SyntheticData, targets: [Int], neighborCount k: Int) -> TripletConstraints {
        TripletConstraints(triplets: data.labels.indices.flatMap { i in
            (0..<k).flatMap { t in
                data.labels.indices.filter { data.labels[$0] != data.labels[i] }.map { l in
                    TripletConstraints.Triplet(i, targets[i * k + t], l)
                }
            }
        })
    }

    /// Given every labelled triplet, the triplet objective is the labelled one (hinge: every active triplet is an
    /// impostor within the radius), value and gradient, at random points.
    @Test(arguments: [UInt64(1), 2, 3])
    func equalsTheLabelledObjectiveOnTheLabelledTriplets(seed: UInt64) throws {
        let data = SyntheticData(classCount: 3, perClass: 7, featureCount: 3, separation: 1.5, seed: seed)
        let targets = LMNN.targetNeighbors(in: data.features, labels: data.labels, count: 2)
        let labelled = LMNNObjective(x: data.features, labels: data.labels, targets: targets, neighborCount: 2,
                                     componentCount: 3, pushWeight: 0.4, loss: .hinge)
        let triplets = LMNNTripletObjective(x: data.features, constraints: Self.labelTriplets(data, targets: targets,
                                                                                               neighborCount: 2),
                                            componentCount: 3, pushWeight: 0.4, loss: .hinge)
        var generator = SeededGenerator(seed: seed)
        let point = (0..<9).map { _ in 0.7 * generator.nextGaussian() }
        var expected = [Double](repeating: 0, count: 9), actual = expected
        let value = labelled.valueAndGradient(at: point, gradient: &expected)
        #expect(abs(triplets.valueAndGradient(at: point, gradient: &actual) - value) <= 1e-12 * value)
        #expect(FiniteDifferences.relativeError(actual, expected) <= 1e-12)
        #expect(triplets.targetPairs.count == 21 * 2)
    }

    /// Central differences away from the hinge kinks, for both losses.
    @Test(arguments: [LMNN.Loss.hinge, .squaredHinge])
    func gradientMatchesFiniteDifferences(loss: LMNN.Loss) throws {
        let data = SyntheticData(classCount: 3, perClass: 6, featureCount: 3, separation: 1.5, seed: 8)
        var generator = SeededGenerator(seed: 5)
        let constraints = TripletConstraints((0..<30).map { _ in
            let anchor = generator.nextIndex(below: 18)
            let positive = (anchor / 6) * 6 + (anchor % 6 + 1 + generator.nextIndex(below: 5)) % 6
            return (anchor, positive, (anchor + 6 + generator.nextIndex(below: 12)) % 18)
        })
        let objective = LMNNTripletObjective(x: data.features, constraints: constraints, componentCount: 2,
                                             pushWeight: 0.6, loss: loss)
        let point = (0..<6).map { _ in 0.8 * generator.nextGaussian() }
        let z = data.features.timesTransposed(Matrix(rowCount: 2, columnCount: 3, elements: point))
        func squared(_ a: Int, _ b: Int) -> Double { (0..<2).reduce(0) { $0 + pow(z[a, $1] - z[b, $1], 2) } }
        let margins = constraints.triplets.map { 1 + squared($0.anchor, $0.positive) - squared($0.anchor, $0.negative) }
        try #require(margins.allSatisfy { abs($0) > 1e-3 })
        #expect(margins.contains { $0 > 0 }, "no active triplet: the push term would go untested")
        var analytic = [Double](repeating: 0, count: 6)
        _ = objective.valueAndGradient(at: point, gradient: &analytic)
        #expect(FiniteDifferences.relativeError(analytic, FiniteDifferences.gradient(of: objective, at: point)) <= 1e-6)
    }

    /// Triplets that say "x₁ decides": a is nearer to the row with its x₁ than to a row that shares only x₀. The fit
    /// learns to weigh x₁ above x₀ and satisfies the triplets it learned from.
    @Test func learnsTheDirectionTheTripletsDescribe() throws {
        var generator = SeededGenerator(seed: 3)
        let x = Matrix(rows: (0..<30).map { _ in [generator.nextGaussian(), generator.nextGaussian()] })
        var triplets: [(Int, Int, Int)] = []
        for a in 0..<30 {
            let byX1 = (0..<30).filter { $0 != a }.min { abs(x[$0, 1] - x[a, 1]) < abs(x[$1, 1] - x[a, 1]) } ?? 0
            let byX0 = (0..<30).filter { $0 != a && $0 != byX1 }.min { abs(x[$0, 0] - x[a, 0]) < abs(x[$1, 0] - x[a, 0]) } ?? 0
            triplets.append((a, byX1, byX0))
        }
        let metric = try LMNN(initialization: .identity)
            .fit(x, supervision: .triplets(TripletConstraints(triplets)), progress: nil)
        let m = metric.mahalanobisMatrix
        #expect(m[1, 1] > 4 * m[0, 0], "\(m)")
        #expect(metric.report.details["tripletCount"] == 30)
        let satisfied = try triplets.filter { a, p, n in
            try metric.distance(x.row(a), x.row(p)) < metric.distance(x.row(a), x.row(n))
        }
        #expect(satisfied.count >= 28)
    }

    @Test func refusesBadTripletsLDAAndPairs() throws {
        let x = Matrix(rows: [[0, 1], [1, 0], [2, 2], [3, 1]])
        func error(_ constraints: TripletConstraints, _ learner: LMNN = LMNN()) -> MetricLearnError? {
            do { _ = try learner.fit(x, supervision: .triplets(constraints), progress: nil); return nil } catch { return error }
        }
        #expect(error(TripletConstraints([(0, 1, 4)])) == .invalidData(
            what: "constraints.triplets[0]", value: "(0, 1, 4)", requirement: "row indices must be in 0..<4"))
        #expect(error(TripletConstraints([(0, 1, 2), (2, 2, 1)])) == .invalidData(
            what: "constraints.triplets[1]", value: "(2, 2, 1)",
            requirement: "anchor, positive and negative must be three different samples"))
        #expect(error(TripletConstraints([])) == .invalidData(what: "constraints", value: "0 triplets",
                                                               requirement: "at least one triplet is needed"))
        #expect(error(TripletConstraints([(0, 1, 2)]), LMNN(initialization: .lda)) == .invalidParameter(
            name: "initialization", value: "lda", requirement: "needs class labels, which triplets and regression targets do not give"))
        #expect(throws: MetricLearnError.unsupportedSupervision(learner: "lmnn", given: "pairs",
                                                                accepted: ["class labels", "triplets"])) {
            try LMNN().fit(x, supervision: .pairs(PairConstraints(similar: [(0, 1)], dissimilar: [(0, 2)])),
                           progress: nil)
        }
    }

    /// A warm start from a fitted metric takes triplets too.
    @Test func warmStartsFromTriplets() throws {
        let data = SyntheticData()
        let constraints = TripletConstraints([(0, 1, 20), (16, 17, 40), (31, 32, 2), (5, 6, 35)])
        let first = try LMNN(maxIterations: 3).fit(data.features, supervision: .triplets(constraints), progress: nil)
        let second = try LMNN(maxIterations: 3).fit(data.features, supervision: .triplets(constraints),
                                                    startingFrom: first, progress: nil)
        #expect(second.outputDimension == first.outputDimension)
        #expect(second.report.details["tripletCount"] == 4)
    }
}
