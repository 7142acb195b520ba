import Foundation
import Testing

/// `fit` for the iterative learners: options reach the learner, seeds reproduce, progress and
/// non-convergence go to stderr.
@Suite struct FitIterativeLearnerTests {
    private func model(_ workspace: Workspace, _ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: workspace.data(name)) as? [String: Any])
    }

    private func parameters(_ model: [String: Any]) -> [String: Any] {
        ((model["configuration"] as? [String: Any])?["parameters"] as? [String: Any]) ?? [:]
    }

    @Test func ncaOnIris() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit nca --input iris.csv --component-count 2 --max-iterations 80 --output m.json")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.hasPrefix("nca: 150 samples × 4 features → 2 components, "))
            let nca = try model(workspace, "m.json")
            #expect(nca["learner"] as? String == "nca")
            #expect(parameters(nca)["componentCount"] as? Int == 2)
            #expect(parameters(nca)["maxIterations"] as? Int == 80)
            let report = try #require(nca["report"] as? [String: Any])
            #expect((report["iterations"] as? Int).map { $0 >= 1 && $0 <= 80 } == true)
            #expect(report["didConverge"] as? Bool == true)
            // NCA's objective, the expected number of correctly classified samples, is at most n = 150
            // and well above the 50 of chance on iris.
            let history = try #require(report["objectiveHistory"] as? [Double])
            #expect(history.last.map { $0 > 140 && $0 <= 150 } == true)
        }
    }

    @Test func sameSeedSameModelOtherSeedOtherModel() throws {
        try Workspace.with { workspace in
            for (seed, name) in [(7, "a.json"), (7, "b.json"), (8, "c.json")] {
                let result = try workspace.run(
                    "fit nca --input iris.csv --initialization random --seed \(seed) --max-iterations 5 --output \(name)")
                #expect(result.status == 0)
            }
            let a = try model(workspace, "a.json"), b = try model(workspace, "b.json"), c = try model(workspace, "c.json")
            let values = { (m: [String: Any]) in (m["components"] as? [String: Any])?["values"] as? [Double] ?? [] }
            #expect(!values(a).isEmpty)
            #expect(values(a) == values(b))
            #expect(values(a) != values(c))
            #expect(parameters(a)["seed"] as? Int == 7)
        }
    }

    @Test func progressLinesWhenAskedFor() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit nca --input iris.csv --max-iterations 3 --progress --output m.json")
            let lines = result.stderr.split(separator: "\n").map(String.init)
            let progress = lines.filter { $0.hasPrefix("nca: iteration ") }
            #expect(progress.count >= 1 && progress.count <= 3)
            #expect(progress.first?.hasPrefix("nca: iteration 1, objective ") == true)
            #expect(progress.allSatisfy { $0.hasSuffix(" s") })
        }
    }

    @Test func warnsWhenTheFitDoesNotConverge() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit nca --standardize --input wine.csv --max-iterations 2 --output m.json")
            #expect(result.status == 0)
            #expect(result.stderr == "metric-learn: warning: nca did not converge in 2 iterations; the result is usable "
                    + "but may improve with a larger --max-iterations or --tolerance\n")
            #expect(workspace.exists("m.json"))
            #expect(result.stdout.contains("2 iterations, did not converge"))
        }
    }

    @Test func featureWeightsRankThePetalsFirstOnIris() throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit feature-weights --input iris.csv --output w.json").status == 0)
            let weights = try #require(try model(workspace, "w.json")["featureWeights"] as? [[String: Any]])
            #expect(weights.count == 4)
            let top = Set(weights.prefix(2).compactMap { $0["feature"] as? String })
            #expect(top == ["petal length (cm)", "petal width (cm)"])

            let info = try workspace.run("info w.json --top 1")
            #expect(info.stdout.contains("  top feature weights:\n    petal "))
            #expect(info.stdout.hasSuffix("    … 3 more\n"))
        }
    }

    @Test func stochasticSolverReportsEpochsAndShowsThemInProgressAndInfo() throws {
        try Workspace.with { workspace in
            let result = try workspace.run(
                "fit nca --input iris.csv --solver stochastic --batch-size 32 --epochs 2 --seed 4 --standardize --progress --output m.json")
            #expect(result.status == 0)
            #expect(result.stdout.contains("stochastic, 2 epochs, every epoch"), "\(result.stdout)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 3, "\(result.stderr)")
            #expect(lines[0].hasPrefix("nca: epoch 1 of 2, 5 batches, objective ≈ "))
            #expect(lines[1].hasPrefix("nca: epoch 2 of 2, 10 batches, ") && lines[1].hasSuffix("s left"))
            #expect(lines[2] == "metric-learn: warning: nca took all 2 epochs without stopping early; the result is usable but "
                        + "may improve with a larger --epochs")
            let nca = try model(workspace, "m.json")
            #expect(parameters(nca)["solver"] as? String == "stochastic" && parameters(nca)["batchSize"] as? Int == 32)
            let details = try #require((nca["report"] as? [String: Any])?["details"] as? [String: Double])
            #expect(details["stochastic"] == 1 && details["epochs"] == 2 && details["batches"] == 10)
            #expect(details["heldBackObjective"] != nil)
            let info = try workspace.run("info m.json")
            #expect(info.stdout.contains("stochastic, 2 epochs"))
            #expect(info.stdout.contains("solver = stochastic"))
        }
    }

    @Test func reliefFIsClosedForm() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit feature-weights --method relieff --neighbor-count 5 --input iris.csv --output w.json")
            #expect(result.status == 0)
            #expect(result.stdout.contains("closed form"))
            let method = parameters(try model(workspace, "w.json"))["method"] as? [String: Any]
            #expect((method?["reliefF"] as? [String: Any])?["neighborCount"] as? Int == 5)
        }
    }

    @Test(arguments: [
        ("fit feature-weights --method relieff --regularization 0.1 --input iris.csv --output w.json",
         "--regularization applies to --method nca only (see 'metric-learn fit feature-weights --help')"),
        ("fit feature-weights --neighbor-count 3 --input iris.csv --output w.json",
         "--neighbor-count applies to --method relieff only (see 'metric-learn fit feature-weights --help')"),
        ("fit nca --input iris.csv --max-iterations 0 --output m.json", "invalid --max-iterations 0: must be at least 1"),
        // A negative value after a space is the option's value, judged by the parameter's rule (not "missing").
        ("fit nca --input iris.csv --tolerance -1 --output m.json", "invalid --tolerance -1.0: must be finite and non-negative"),
        ("fit nca --input iris.csv --max-iterations -5 --output m.json", "invalid --max-iterations -5: must be at least 1"),
        ("fit whitening --input iris.csv --shrinkage -0.1 --output m.json", "invalid --shrinkage -0.1: must be in [0, 1]"),
        // A forgotten value is still missing, not the next option taken as the value.
        ("fit nca --input iris.csv --tolerance --output m.json",
         "Missing value for '--tolerance <tolerance>' (see 'metric-learn fit nca --help')"),
        ("fit nca --input iris.csv --initialization lda --component-count 3 --output m.json",
         "invalid --component-count 3: LDA initialization gives at most classes − 1 = 2 components"),
    ])
    func optionErrorsAreUsageErrors(commandLine: String, message: String) throws {
        try Workspace.with { workspace in
            let result = try workspace.run(commandLine)
            #expect(result.status == 64)
            #expect(result.stderr == "metric-learn: \(message)\n")
            #expect(try workspace.fileNames() == ["iris.csv", "wine.csv"])
        }
    }
}
