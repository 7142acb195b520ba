import Foundation
@testable import MetricLearn
import Testing

/// The solver choice of NCA, LMNN, MLKR and feature weights: full batch below `Solver.automaticSampleCount` (today's fits,
/// unchanged), stochastic Adam on request or above it, and configurations saved before the choice existed.
@Suite struct IterativeFitSolverTests {
    let x: Matrix            // wine, standardised
    let y: [Int]

    init() throws {
        let wine = try Dataset.wine
        x = try standardized(wine.features)
        y = wine.labels
    }

    @Test func autoSwitchesAboveTwentyThousandSamples() {
        #expect(!Solver.auto.isStochastic(sampleCount: 20_000) && Solver.auto.isStochastic(sampleCount: 20_001))
        #expect(!Solver.fullBatch.isStochastic(sampleCount: 1_000_000) && Solver.stochastic.isStochastic(sampleCount: 10))
    }

    @Test func autoBelowTheSwitchIsTheFullBatchFitBitForBit() throws {
        let auto = try NCA(maxIterations: 10).fit(x, labels: y)
        let full = try NCA(maxIterations: 10, solver: .fullBatch).fit(x, labels: y)
        #expect(auto.components == full.components)
        #expect(auto.report.details["stochastic"] == nil && auto.report.details.keys.sorted() == ["evaluations",
                                                                                                   "expectedAccuracy", "warmStart"])
    }

    @Test func stochasticNCAImprovesTheHeldBackObjectiveAndReportsItsEpochs() throws {
        var seen: [OptimizationProgress] = []
        let metric = try NCA(solver: .stochastic, batchSize: 40, epochs: 15).fit(x, labels: y) { seen.append($0) }
        let report = metric.report
        #expect(report.details["stochastic"] == 1)
        #expect(report.details["epochs"] == Double(report.iterations) && report.iterations == seen.count)
        // 178 samples: 17 held back, 161 in ⌈161/40⌉ = 5 batches per epoch.
        #expect(report.details["batches"] == Double(5 * report.iterations))
        #expect(report.objectiveHistory.count == report.iterations + 1)
        #expect(report.details["heldBackObjective"] == report.objectiveHistory.max())
        #expect(report.objectiveHistory.max()! > report.objectiveHistory[0])
        #expect(abs(report.details["expectedAccuracy"]! - report.details["heldBackObjective"]! / 178) < 1e-12)
        #expect(seen.map(\.iteration) == Array(1...report.iterations))
        #expect(seen.allSatisfy { $0.epoch?.epochCount == 15 && $0.epoch?.objectiveEstimate == $0.value })
        #expect(seen.map(\.value) == Array(report.objectiveHistory.dropFirst()))
    }

    @Test func stochasticFitsAreDeterministicAndFollowTheSeed() throws {
        let a = try NCA(seed: 4, solver: .stochastic, batchSize: 50, epochs: 3).fit(x, labels: y)
        let b = try NCA(seed: 4, solver: .stochastic, batchSize: 50, epochs: 3).fit(x, labels: y)
        let c = try NCA(seed: 5, solver: .stochastic, batchSize: 50, epochs: 3).fit(x, labels: y)
        #expect(a.components == b.components && a.components != c.components)
    }

    @Test func stochasticNCAIsAboutAsAccurateAsFullBatchOnWine() throws {
        let stochastic = try protocolAccuracy(of: .nca(NCA(solver: .stochastic, batchSize: 64, epochs: 30)), on: "wine")
        let full = try protocolAccuracy(of: .nca(NCA()), on: "wine")
        #expect(stochastic >= full - 0.03)
    }

    @Test func stochasticFeatureWeightsAndMLKRFit() throws {
        let weights = try FeatureReweighting(solver: .stochastic, batchSize: 60, epochs: 5).fit(x, labels: y)
        #expect(weights.report.details["stochastic"] == 1 && weights.report.details["regularization"] == 1.0 / 178)
        #expect(weights.report.objectiveHistory.max()! > weights.report.objectiveHistory[0])
        let targets = (0..<x.rowCount).map { x[$0, 0] + 0.5 * x[$0, 3] }
        let mlkr = try MLKR(solver: .stochastic, batchSize: 60, epochs: 5).fit(x, targets: targets)
        #expect(mlkr.report.details["stochastic"] == 1)
        #expect(mlkr.report.objectiveHistory.min()! < mlkr.report.objectiveHistory[0])   // MLKR minimises
        #expect(abs(mlkr.report.details["leaveOneOutR2"]! - (1 - mlkr.report.details["heldBackObjective"]!)) < 1e-12)
    }

    @Test func stochasticLMNNImprovesTheHeldBackObjectiveDeterministically() throws {
        let fit = { (seed: UInt64) in try LMNN(seed: seed, solver: .stochastic, batchSize: 40, epochs: 6).fit(self.x, labels: self.y) }
        let (a, b, c) = (try fit(4), try fit(4), try fit(5))
        #expect(a.components == b.components && a.components != c.components)
        let report = a.report
        #expect(report.details["stochastic"] == 1 && report.details["activeTriplets"] == nil)
        #expect(report.details["batches"] == Double(5 * report.iterations))
        #expect(report.details["heldBackObjective"] == report.objectiveHistory.min())
        #expect(report.objectiveHistory.min()! < report.objectiveHistory[0])   // LMNN minimises
    }

    @Test func stochasticLMNNIsAboutAsAccurateAsFullBatchOnWine() throws {
        let stochastic = try protocolAccuracy(of: .lmnn(LMNN(solver: .stochastic, batchSize: 64, epochs: 30)),
                                              on: "wine")
        let full = try protocolAccuracy(of: .lmnn(LMNN()), on: "wine")
        #expect(stochastic >= full - 0.03, "stochastic \(stochastic), full batch \(full)")
    }

    @Test func lmnnFitsTripletsFullBatchOnly() throws {
        let triplets = TripletConstraints([(0, 1, 100), (2, 3, 120), (60, 61, 5)])
        #expect(try LMNN(solver: .auto).fit(x, supervision: .triplets(triplets), progress: nil).report.details["stochastic"] == nil)
        #expect(throws: MetricLearnError.invalidParameter(
            name: "solver", value: "stochastic",
            requirement: "must be auto or full-batch with triplets (they are fitted full batch)")) {
            try LMNN(solver: .stochastic).fit(x, supervision: .triplets(triplets), progress: nil)
        }
    }

    @Test(arguments: [
        (LearnerConfiguration.nca(NCA(batchSize: 1)), "batchSize"), (.nca(NCA(epochs: 0)), "epochs"),
        (.mlkr(MLKR(batchSize: 0)), "batchSize"), (.featureReweighting(FeatureReweighting(epochs: -1)), "epochs"),
        (.lmnn(LMNN(batchSize: 1)), "batchSize"), (.lmnn(LMNN(epochs: 0)), "epochs"),
    ])
    func rejectsInvalidSolverParameters(_ configuration: LearnerConfiguration, _ parameter: String) {
        #expect {
            try configuration.learner.validateParameters(featureCount: 13)
        } throws: { error in
            guard case let .invalidParameter(name, _, _) = error as? MetricLearnError else { return false }
            return name == parameter
        }
    }

    /// A configuration with the default solver parameters encodes without them, as every one saved before they
    /// existed (model files stay the same bytes), and decodes back; other values are written and round-trip.
    @Test(arguments: [
        LearnerConfiguration.nca(NCA(componentCount: 2, seed: 3)), .mlkr(MLKR(maxIterations: 9)),
        .featureReweighting(FeatureReweighting(method: .nca(regularization: 0.5))),
        .lmnn(LMNN(neighborCount: 4, componentCount: 3, loss: .squaredHinge)),
    ])
    func encodesTheSolverParametersOnlyWhenTheyAreNotTheDefaults(_ configuration: LearnerConfiguration) throws {
        func parameters(_ configuration: LearnerConfiguration) throws -> [String: Any] {
            let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(configuration))
            return try #require((json as? [String: Any])?["parameters"] as? [String: Any])
        }
        #expect(try Set(parameters(configuration).keys).isDisjoint(with: ["solver", "batchSize", "epochs"]))
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(LearnerConfiguration.self, from: data) == configuration)
        var changed = configuration.learner
        for (name, value) in [("solver", "stochastic"), ("batchSize", "64"), ("epochs", "3")] {
            let parameter = try #require(type(of: changed).registration.parameter(named: name))
            changed = parameter.setting(try #require(parameter.value(parsing: value)), in: changed)
        }
        let written = try parameters(LearnerConfiguration(changed))
        #expect(written["solver"] as? String == "stochastic" && written["batchSize"] as? Int == 64
                    && written["epochs"] as? Int == 3)
        let changedData = try JSONEncoder().encode(LearnerConfiguration(changed))
        #expect(try JSONDecoder().decode(LearnerConfiguration.self, from: changedData) == LearnerConfiguration(changed))
        #expect(LearnerConfiguration(changed) != configuration)
    }
}
