import Foundation
import MetricLearn
import Testing

@Suite struct EvaluateCommandTests {
    /// The numbers of one `--json` object, decoded exactly (JSONSerialization can lose the last bit).
    struct Numbers: Decodable {
        let accuracyMean, accuracyStd, balancedAccuracyMean: Double
        let accuracyPerFold, balancedAccuracyPerFold, fitSecondsPerFold: [Double]
    }

    private func evaluations(_ stdout: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]])
    }

    private func numbers(_ stdout: String) throws -> [Numbers] {
        try JSONDecoder().decode([Numbers].self, from: Data(stdout.utf8))
    }

    /// The library's own cross-validation of the same pipeline: the oracle for what the command prints.
    private func expected(_ learner: LearnerConfiguration?, standardized: Bool = true, folds: Int = 5,
                          neighbors: Int = 3, seed: UInt64 = 0) throws -> CrossValidationResult {
        let pipeline = Pipeline(scaler: standardized ? StandardScaler() : nil, learner: learner,
                                classifier: KNearestNeighbors(neighborCount: neighbors))
        return try crossValidate(pipeline, try Dataset.iris, folds: folds, seed: seed)
    }

    @Test func jsonIsOnlyAnArrayWithOneObjectPerLearner() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --learner whitening --json")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            let objects = try evaluations(result.stdout)
            #expect(objects.map { $0["learner"] as? String } == ["euclidean", "whitening"])
            let values = try numbers(result.stdout)
            for (index, learner) in [nil, LearnerConfiguration.whitening(Whitening())].enumerated() {
                let object = objects[index], reference = try expected(learner)
                #expect(values[index].accuracyPerFold == reference.folds.map(\.accuracy))
                #expect(values[index].balancedAccuracyPerFold == reference.folds.map(\.balancedAccuracy))
                #expect(values[index].accuracyMean == reference.accuracy.mean)
                #expect(values[index].accuracyStd == reference.accuracy.standardDeviation)
                #expect(values[index].balancedAccuracyMean == reference.balancedAccuracy.mean)
                #expect(values[index].fitSecondsPerFold.count == 5)
                #expect((object["fitSecondsMedian"] as? Double).map { $0 >= 0 } == true)
                #expect(object["iterationsMedian"] as? Double == 0)
                #expect(object["didConvergeAllFolds"] as? Bool == true)
                #expect(object["folds"] as? Int == 5 && object["neighbors"] as? Int == 3)
                #expect(object["standardized"] as? Bool == true)
            }
            #expect(objects[0]["configuration"] == nil)
            #expect((objects[1]["configuration"] as? [String: Any])?["name"] as? String == "whitening")
        }
    }

    @Test func optionsReachThePipeline() throws {
        try Workspace.with { workspace in
            let result = try workspace.run(
                "evaluate --input iris.csv --learner euclidean --no-standardize --folds 3 --neighbors 7 --seed 4 --json")
            #expect(result.status == 0)
            let object = try #require(try evaluations(result.stdout).first)
            let reference = try expected(nil, standardized: false, folds: 3, neighbors: 7, seed: 4)
            #expect(try numbers(result.stdout).first?.accuracyPerFold == reference.folds.map(\.accuracy))
            #expect(object["standardized"] as? Bool == false)
            #expect(object["seed"] as? Int == 4 && object["folds"] as? Int == 3 && object["neighbors"] as? Int == 7)
        }
    }

    @Test func iterativeLearnerReportsIterations() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("evaluate --input iris.csv --learner nca --folds 3 --json")
            #expect(result.status == 0)
            let object = try #require(try evaluations(result.stdout).first)
            let reference = try expected(.nca(NCA(seed: 0)), folds: 3)
            #expect(object["iterationsPerFold"] as? [Int] == reference.folds.map(\.iterations))
            #expect(try numbers(result.stdout).first?.accuracyPerFold == reference.folds.map(\.accuracy))
            #expect((object["iterationsMedian"] as? Double).map { $0 >= 1 } == true)
        }
    }

    @Test func jsonHasOnePredictTimePerFold() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --learner nca --folds 4 --json")
            #expect(result.status == 0)
            for object in try evaluations(result.stdout) {
                let perFold = try #require(object["predictSecondsPerFold"] as? [Double])
                let median = try #require(object["predictSecondsMedian"] as? Double)
                #expect(perFold.count == 4)
                #expect(perFold.allSatisfy { $0 >= 0 && $0.isFinite })
                #expect(median >= 0 && median.isFinite)
                let sorted = perFold.sorted()
                #expect(abs(median - (sorted[1] + sorted[2]) / 2) <= 1e-12 * sorted[3])  // JSONSerialization's last bit
            }
        }
    }

    @Test func jsonHasTheLearnersOwnFitTimePerFold() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --learner lfda --folds 4 --json")
            #expect(result.status == 0)
            let objects = try evaluations(result.stdout)
            let learnerSeconds = try objects.map { try #require($0["learnerFitSecondsPerFold"] as? [Double]) }
            #expect(learnerSeconds[0] == [0, 0, 0, 0] && objects[0]["learnerFitSecondsMedian"] as? Double == 0)
            let pipelineSeconds = try #require(objects[1]["fitSecondsPerFold"] as? [Double])
            #expect(learnerSeconds[1].count == 4)
            #expect(zip(learnerSeconds[1], pipelineSeconds).allSatisfy { $0 > 0 && $0 <= $1 })
            let median = try #require(objects[1]["learnerFitSecondsMedian"] as? Double)
            let sorted = learnerSeconds[1].sorted()
            #expect(abs(median - (sorted[1] + sorted[2]) / 2) <= 1e-12 * sorted[3])  // JSONSerialization's last bit
        }
    }

    @Test(arguments: [("relieff", FeatureReweighting.Method.reliefF(neighborCount: 10)), ("nca", .nca())])
    func featureWeightsMethodReachesThePipeline(argument: String, method: FeatureReweighting.Method) throws {
        try Workspace.with { workspace in
            let result = try workspace.run(
                "evaluate --input iris.csv --learner feature-weights --feature-weights-method \(argument) --folds 3 --json")
            #expect(result.status == 0)
            let object = try #require(try evaluations(result.stdout).first)
            #expect(object["learner"] as? String == "feature-weights")
            let configuration = try #require(object["configuration"] as? [String: Any])
            let parameters = try #require(configuration["parameters"] as? [String: Any])
            let encoded = try #require(parameters["method"] as? [String: Any])
            #expect(encoded.keys.first == (argument == "relieff" ? "reliefF" : "nca"))
            let reference = try expected(.featureReweighting(FeatureReweighting(method: method, seed: 0)), folds: 3)
            #expect(try numbers(result.stdout).first?.accuracyPerFold == reference.folds.map(\.accuracy))
            #expect(object["iterationsPerFold"] as? [Int] == reference.folds.map(\.iterations))
        }
    }

    @Test func featureWeightsMethodIsNamedInTheTableHeader() throws {
        try Workspace.with { workspace in
            let result = try workspace.run(
                "evaluate --input iris.csv --learner feature-weights --feature-weights-method relieff --folds 3")
            #expect(result.status == 0)
            let header = try #require(result.stdout.split(separator: "\n").first)
            #expect(header.hasSuffix("standardised in each fold, seed 0, feature-weights by relieff"))
        }
    }

    @Test func tablePrintsOneRowPerLearnerInOrder() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("evaluate --input iris.csv --learner whitening --learner euclidean")
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0] == "5-fold stratified cross-validation of 3-nearest neighbours on iris.csv (150 samples, "
                    + "4 features, 3 classes), standardised in each fold, seed 0")
            #expect(lines[2].hasPrefix("learner    accuracy       balanced acc.  fit time (median)  iterations  converged"))
            #expect(lines[3].hasPrefix("─────────  ─────"))
            let euclidean = try expected(nil)
            let mean = String(format: "%.3f", euclidean.accuracy.mean)
            let std = String(format: "%.3f", euclidean.accuracy.standardDeviation)
            #expect(lines[4].hasPrefix("whitening  "))
            #expect(lines[5].hasPrefix("euclidean  \(mean) ± \(std)  "))
            #expect(lines[5].hasSuffix("  0        5/5"))
            #expect(lines.count == 7 && lines[6].isEmpty)
        }
    }

    @Test(arguments: [
        ("evaluate --input iris.csv", "Missing expected argument '--learner <learner> ...' "
            + "(see 'metric-learn evaluate --help')"),
        ("evaluate --input iris.csv --learner nca --learner nca", "--learner nca is given more than once "
            + "(see 'metric-learn evaluate --help')"),
        ("evaluate --input iris.csv --learner magic", "The value 'magic' is invalid for '--learner <learner>'. Please "
            + "provide one of the following: \(learnerValues) (see 'metric-learn evaluate --help')"),
        ("evaluate --input iris.csv --learner euclidean --folds 1", "invalid --folds 1: must be at least 2"),
        ("evaluate --input iris.csv --learner euclidean --neighbors 0", "invalid --neighbors 0: must be at least 1"),
        ("evaluate --input iris.csv --learner euclidean --neighbors -3", "invalid --neighbors -3: must be at least 1"),
        ("evaluate --input iris.csv --learner euclidean --seed -1",
         "The value '-1' is invalid for '--seed <seed>' (see 'metric-learn evaluate --help')"),
        ("evaluate --input iris.csv --learner nca --feature-weights-method relieff", "--feature-weights-method applies "
            + "to --learner feature-weights only (see 'metric-learn evaluate --help')"),
        ("evaluate --input iris.csv --learner feature-weights --feature-weights-method magic", "The value 'magic' is "
            + "invalid for '--feature-weights-method <method>'. Please provide one of 'nca' and 'relieff'. "
            + "(see 'metric-learn evaluate --help')"),
    ])
    func usageErrors(commandLine: String, message: String) throws {
        let result = try Workspace.with { try $0.run(commandLine) }
        #expect(result.status == 64)
        #expect(result.stderr == "metric-learn: \(message)\n")
        #expect(result.stdout.isEmpty)
    }
}

/// The values of `--learner`: the baseline, then the registry's learners of class labels or regression targets.
private let learnerValues = (["euclidean"] + LearnerRegistry.all.filter {
    $0.supervision.contains(.classLabels) || $0.supervision.contains(.regressionTargets)
}.map(\.name)).joined(separator: ", ")
