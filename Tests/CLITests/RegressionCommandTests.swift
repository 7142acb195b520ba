import Foundation
import MetricLearn
import Testing

/// `fit mlkr`, `predict --task regression` and `evaluate --task regression`.
@Suite struct RegressionCommandTests {
    /// The keys issue 15 pins for each learner of `evaluate --task regression --json`.
    static let pinnedKeys = ["learner", "r2Mean", "r2Std", "r2PerFold", "rmseMean", "maeMean", "fitSecondsMedian",
                             "fitSecondsPerFold"]

    struct Numbers: Decodable {
        let learner: String
        let r2Mean, r2Std, rmseMean, maeMean, fitSecondsMedian: Double
        let r2PerFold, fitSecondsPerFold: [Double]
    }

    @Test func evaluateRegressionPrintsTheLibrarysScores() throws {
        try Workspace.with { workspace in
            try workspace.copyResource("diabetes.csv")
            let result = try workspace.run(["evaluate", "--input", "diabetes.csv", "--task", "regression",
                                            "--learner", "euclidean", "--neighbors", "5", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            for key in Self.pinnedKeys { #expect(objects[0][key] != nil, "no \(key)") }
            let numbers = try JSONDecoder().decode([Numbers].self, from: Data(result.stdout.utf8))
            let reference = try crossValidate(RegressionPipeline(regressor: KNearestNeighbors(neighborCount: 5)),
                                              try RegressionDataset.diabetes, folds: 5, seed: 0)
            #expect(numbers[0].learner == "euclidean")
            #expect(numbers[0].r2PerFold == reference.folds.map(\.r2))
            #expect(numbers[0].r2Mean == reference.r2.mean && numbers[0].r2Std == reference.r2.standardDeviation)
            #expect(numbers[0].rmseMean == reference.rootMeanSquaredError.mean)
            #expect(numbers[0].maeMean == reference.meanAbsoluteError.mean)
            #expect(numbers[0].fitSecondsPerFold.count == 5)
            #expect(objects[0]["learnerFitSecondsPerFold"] as? [Double] == [0, 0, 0, 0, 0])
            #expect(objects[0]["learnerFitSecondsMedian"] as? Double == 0)
        }
    }

    @Test func evaluateRegressionTableShowsR2RMSEAndMAE() throws {
        try Workspace.with { workspace in
            try workspace.copyResource("diabetes.csv")
            let result = try workspace.run(["evaluate", "--input", "diabetes.csv", "--task", "regression", "--learner",
                                            "euclidean", "--learner", "mlkr", "--folds", "3"])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0] == "3-fold cross-validation of 3-nearest-neighbour regression on diabetes.csv (442 samples, "
                        + "10 features), standardised in each fold, seed 0")
            #expect(lines[2].hasPrefix("learner    R²") && lines[2].contains("RMSE") && lines[2].contains("MAE"))
            #expect(lines[4].hasPrefix("euclidean  0.") && lines[5].hasPrefix("mlkr       0."))
        }
    }

    @Test func learnersOfTheOtherTaskAreUsageErrors() throws {
        try Workspace.with { workspace in
            try workspace.copyResource("diabetes.csv")
            let nca = try workspace.run("evaluate --input diabetes.csv --task regression --learner nca")
            #expect(nca.status == 64)
            #expect(nca.stderr.contains("--learner nca cannot learn from regression targets; --task regression takes euclidean, mlkr"))
            let mlkr = try workspace.run("evaluate --input iris.csv --learner mlkr")
            #expect(mlkr.status == 64)
            #expect(mlkr.stderr.contains("--learner mlkr learns from regression targets, not class labels: add --task regression"))
        }
    }

    @Test func aLabelThatIsNotANumberIsADataErrorNamingItsRow() throws {
        try Workspace.with { workspace in
            try workspace.write("a,b,label\n1,2,3.5\n2,3,4\n3,1,many\n", to: "bad.csv")
            for command in [["evaluate", "--input", "bad.csv", "--task", "regression", "--learner", "euclidean", "--folds", "2"],
                            ["fit", "mlkr", "--input", "bad.csv", "--output", "m.json"],
                            ["predict", "--train", "bad.csv", "--input", "bad.csv", "--task", "regression",
                             "--neighbors", "1", "--output", "p.csv"]] {
                let result = try workspace.run(command)
                #expect(result.status == 65, "\(command)")
                #expect(result.stderr == "metric-learn: bad.csv: line 4, column 3: 'many' is not a number "
                            + "(the label column holds regression targets)\n", "\(command)")
            }
        }
    }

    @Test func fitMLKRThenPredictNumbers() throws {
        try Workspace.with { workspace in
            try workspace.copyResource("diabetes.csv")
            let fit = try workspace.run("fit mlkr --input diabetes.csv --standardize --component-count 3 --max-iterations 20 "
                                        + "--output mlkr.json")
            #expect(fit.status == 0, "\(fit.stderr)")
            #expect(fit.stdout.contains("mlkr: 442 samples × 10 features → 3 components"))
            // A model learned from regression targets predicts numbers without --task.
            let predict = try workspace.run("predict --train diabetes.csv --input diabetes.csv --metric mlkr.json "
                                            + "--neighbors 5 --output p.csv")
            #expect(predict.status == 0, "\(predict.stderr)")
            #expect(predict.stdout == "wrote p.csv: 442 predictions (5 neighbours, uniform mean, in the metric of mlkr.json)\n")
            let lines = try workspace.read("p.csv").split(separator: "\n").map(String.init)
            #expect(lines.count == 443 && lines[0] == "prediction")
            let model = try ModelFile(contentsOfFile: workspace.path("mlkr.json"))
            let diabetes = try RegressionDataset.diabetes
            let expected = try KNearestNeighbors(neighborCount: 5).fit(diabetes, metric: model.metric).predict(diabetes.features)
            #expect(lines.dropFirst().map { Double($0)! } == expected)
            // --task classification reads the numbers as classes instead.
            let classes = try workspace.run("predict --train diabetes.csv --input diabetes.csv --metric mlkr.json "
                                            + "--task classification --output c.csv")
            #expect(classes.status == 0 && classes.stdout.contains("uniform votes"))
            let probabilities = try workspace.run("predict --train diabetes.csv --input diabetes.csv --metric mlkr.json "
                                                  + "--probabilities --output q.csv")
            #expect(probabilities.status == 64)
            #expect(probabilities.stderr.contains("--probabilities applies to classification only"))
        }
    }

    @Test func predictRegressionWithoutAModelAveragesInEuclideanDistance() throws {
        try Workspace.with { workspace in
            try workspace.write("x,label\n0,10\n1,20\n10,30\n11,40\n", to: "train.csv")
            try workspace.write("x\n0.4\n10.6\n", to: "test.csv")
            let result = try workspace.run("predict --train train.csv --input test.csv --task regression "
                                           + "--neighbors 2 --output p.csv")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try workspace.read("p.csv") == "prediction\n15.0\n35.0\n")
        }
    }
}
