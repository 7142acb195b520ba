import Foundation
@testable import MetricLearn
import Testing

@Suite struct NCATests {
    let iris: Dataset
    let x: Matrix            // iris, standardised
    let y: [Int]

    init() throws {
        iris = try Dataset.iris
        x = try standardized(iris.features)
        y = iris.labels
    }

    // MARK: Golden values

    /// scikit-learn 1.9.1 `_loss_grad_lbfgs(L, X, same_class_mask, sign=+1)` on iris (Fixtures/nca_iris.json):
    /// +Σpᵢ and its gradient, so ours (−Σpᵢ) must be exactly the negation.
    @Test(arguments: ["raw/identity", "raw/random2x4", "standardized/identity", "standardized/random2x4"])
    func lossAndGradientMatchScikitLearn(_ name: String) throws {
        let fixture = try Fixture("nca_iris")
        let entry = try fixture.object("cases").object(name)
        var raw = iris.features
        if try entry.string("data") == "standardized" {
            let scaler = try fixture.object("standardScaler")
            let (mean, scale) = (try scaler.vector("mean"), try scaler.vector("scale"))
            try #require(mean.count == raw.columnCount && scale.count == raw.columnCount)
            raw = Matrix(rows: raw.rows.map { row in row.indices.map { (row[$0] - mean[$0]) / scale[$0] } })
        }
        let components = Matrix(rows: try entry.matrix("L"))
        let expectedGradient = try entry.matrix("gradient").flatMap { $0 }
        let objective = NCAObjective(x: raw, labels: y, componentCount: components.rowCount)
        var gradient = [Double](repeating: 0, count: objective.dimension)
        let value = objective.valueAndGradient(at: components.elements, gradient: &gradient)

        let expectedLoss = try entry.number("loss")
        #expect(abs(-value - expectedLoss) <= 1e-10 * expectedLoss)
        #expect(expectedGradient.count == gradient.count)
        #expect(FiniteDifferences.relativeError(gradient.map { -$0 }, expectedGradient) <= 1e-9)
    }

    // MARK: Optimisation

    @Test func objectiveNeverDecreasesAndImprovesOnTheStart() throws {
        let metric = try NCA(maxIterations: 30).fit(x, labels: y)
        let history = metric.report.objectiveHistory
        #expect(history.count == metric.report.iterations + 1)
        #expect(zip(history, history.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(history.last! > history.first! + 1)
        #expect(abs(history.last! / 150 - metric.report.details["expectedAccuracy"]!) < 1e-12)
    }

    @Test func progressReportsTheMaximisedObjective() throws {
        var seen: [OptimizationProgress] = []
        let metric = try NCA(maxIterations: 10).fit(x, labels: y) {
            seen.append($0)
        }
        #expect(seen.map(\.iteration) == Array(1...metric.report.iterations))
        #expect(seen.map(\.value) == Array(metric.report.objectiveHistory.dropFirst()))
    }

    @Test func warmStartFromItsOwnResultStopsAtOnce() throws {
        let learner = NCA(maxIterations: 300)
        let first = try learner.fit(x, labels: y)
        #expect(first.report.didConverge)
        let second = try learner.fit(x, labels: y, startingFrom: first)
        #expect(second.report.iterations <= 2)
        #expect(second.report.details["warmStart"] == 1)
        #expect(second.report.objectiveHistory.first == first.report.objectiveHistory.last)
    }

    /// The warm-start rule every iterative learner shares: `componentCount`, when set, must be the metric's output
    /// dimension; nil takes the metric's.
    @Test func warmStartChecksTheShape() throws {
        let lowRank = try NCA(componentCount: 2, maxIterations: 2).fit(x, labels: y)
        #expect(throws: MetricLearnError.invalidParameter(name: "componentCount", value: "4",
                                                          requirement: "must equal the starting metric's output dimension (2)")) {
            try NCA(componentCount: 4).fit(x, labels: y, startingFrom: lowRank)
        }
        #expect(try NCA(maxIterations: 2).fit(x, labels: y, startingFrom: lowRank).outputDimension == 2)
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 4, actual: 3)) {
            try NCA(componentCount: 2).fit(x.columns(at: [0, 1, 2]), labels: y, startingFrom: lowRank)
        }
    }

    @Test func lowRankEmbeddingSeparatesIris() throws {
        let metric = try NCA(componentCount: 2).fit(x, labels: y)
        #expect(metric.outputDimension == 2 && metric.inputDimension == 4)
        #expect(metric.report.details["expectedAccuracy"]! > 0.95)
        #expect(metric.mahalanobisMatrix.isSymmetric())
    }

    @Test(arguments: [Initialization.auto, .identity, .pca, .lda, .random,
                      .matrix(Matrix(rows: [[1, 0, 1, 0], [0, 1, 0, -1]]))])
    func everyInitializationFits(_ initialization: Initialization) throws {
        let metric = try NCA(componentCount: 2, initialization: initialization, maxIterations: 20, seed: 3)
            .fit(x, labels: y)
        #expect(metric.components.isFinite)
        #expect(metric.report.details["expectedAccuracy"]! > 0.9)
        #expect(metric.report.objectiveHistory.last! >= metric.report.objectiveHistory.first!)
    }

    @Test func seedDrivesRandomInitialization() throws {
        let a = try NCA(initialization: .random, maxIterations: 3, seed: 1).fit(x, labels: y)
        let b = try NCA(initialization: .random, maxIterations: 3, seed: 1).fit(x, labels: y)
        let c = try NCA(initialization: .random, maxIterations: 3, seed: 2).fit(x, labels: y)
        #expect(a.components == b.components)
        #expect(a.components != c.components)
    }

    // MARK: Parameters

    @Test(arguments: [
        (NCA(componentCount: 0), "componentCount"), (NCA(componentCount: 5), "componentCount"),
        (NCA(maxIterations: 0), "maxIterations"), (NCA(tolerance: -1), "tolerance"), (NCA(tolerance: .nan), "tolerance"),
        (NCA(componentCount: 3, initialization: .lda), "componentCount"),
        (NCA(componentCount: 2, initialization: .matrix(Matrix.identity(4))), "initialization"),
    ])
    func rejectsInvalidParameters(_ learner: NCA, _ parameter: String) {
        #expect {
            try learner.fit(x, labels: y)
        } throws: { error in
            guard case let .invalidParameter(name, _, _) = error as? MetricLearnError else { return false }
            return name == parameter
        }
    }

    @Test func configurationRoundTripsUnderItsName() throws {
        let learner = NCA(componentCount: 2, initialization: .matrix(Matrix(rows: [[1, 2], [3, 4]])),
                          maxIterations: 7, tolerance: 1e-3, seed: 42)
        let data = try JSONEncoder().encode(learner.configuration)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["name"] as? String == "nca")
        #expect(try JSONDecoder().decode(LearnerConfiguration.self, from: data) == .nca(learner))
    }

    // MARK: Accuracy protocol (5-fold stratified CV, standardised per training fold, 3-NN in the learned space)

    @Test func crossValidatedAccuracyOnIris() throws {
        let accuracy = try protocolAccuracy(of: .nca(NCA()), on: "iris")
        #expect(accuracy >= (try peerAccuracy("sklearn-nca", on: "iris")) - 0.01)
    }

    @Test func crossValidatedAccuracyOnWine() throws {
        let accuracy = try protocolAccuracy(of: .nca(NCA()), on: "wine")
        #expect(accuracy >= (try peerAccuracy("sklearn-nca", on: "wine")) - 0.01)
    }
}
