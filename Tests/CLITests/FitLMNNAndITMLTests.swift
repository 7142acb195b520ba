import Foundation
import Testing

/// `fit lmnn` and `fit itml` end to end on iris.
@Suite struct FitLMNNAndITMLTests {
    private func model(_ workspace: Workspace, _ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: workspace.data(name)) as? [String: Any])
    }

    private func parameters(_ model: [String: Any]) -> [String: Any] {
        ((model["configuration"] as? [String: Any])?["parameters"] as? [String: Any]) ?? [:]
    }

    @Test func lmnnOnIris() throws {
        try Workspace.with { workspace in
            let result = try workspace.run(
                "fit lmnn --input iris.csv --neighbor-count 5 --push-weight 0.25 --loss squared-hinge --component-count 2 --output m.json")
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("lmnn: 150 samples × 4 features → 2 components, "))
            let lmnn = try model(workspace, "m.json")
            #expect(lmnn["learner"] as? String == "lmnn")
            let values = parameters(lmnn)
            #expect(values["neighborCount"] as? Int == 5)
            #expect(values["pushWeight"] as? Double == 0.25)
            #expect(values["loss"] as? String == "squaredHinge")
            #expect(values["componentCount"] as? Int == 2)
            #expect((lmnn["report"] as? [String: Any])?["didConverge"] as? Bool == true)
        }
    }

    @Test func lmnnNeedsEnoughSamplesPerClass() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit lmnn --input iris.csv --neighbor-count 50 --output m.json")
            #expect(result.status == 65)
            #expect(result.stderr == "metric-learn: iris.csv: class 'setosa' has 50 samples; at least 51 are needed\n")
            #expect(!workspace.exists("m.json"))
        }
    }

    @Test func itmlBoundsAndSeeds() throws {
        try Workspace.with { workspace in
            for (seed, name) in [(1, "a.json"), (1, "b.json"), (2, "c.json")] {
                let result = try workspace.run(
                    "fit itml --input iris.csv --bounds 0.5,20 --constraint-count 30 --max-iterations 50 --seed \(seed) --output \(name)")
                #expect(result.status == 0)
            }
            let a = try model(workspace, "a.json")
            let bounds = (parameters(a)["bounds"] as? [String: Any])?["given"] as? [String: Any]
            #expect(bounds?["lower"] as? Double == 0.5 && bounds?["upper"] as? Double == 20)
            #expect(parameters(a)["constraintCount"] as? Int == 30)
            let details = (a["report"] as? [String: Any])?["details"] as? [String: Any]
            #expect(details?["similarPairCount"] as? Double == 30 && details?["dissimilarPairCount"] as? Double == 30)
            let values = { (m: [String: Any]) in (m["components"] as? [String: Any])?["values"] as? [Double] ?? [] }
            #expect(values(a) == values(try model(workspace, "b.json")))
            #expect(values(a) != values(try model(workspace, "c.json")))
        }
    }

    @Test(arguments: [
        ("fit itml --input iris.csv --bounds 5,2 --output m.json",
         "invalid --bounds 5.0,2.0: must be finite with 0 < lower ≤ upper"),
        ("fit itml --input iris.csv --bounds wide --output m.json",
         "The value 'wide' is invalid for '--bounds <automatic|lower,upper>' (see 'metric-learn fit itml --help')"),
        ("fit itml --input iris.csv --prior magic --output m.json",
         "The value 'magic' is invalid for '--prior <prior>'. Please provide one of 'identity' and 'covariance'. "
            + "(see 'metric-learn fit itml --help')"),
        ("fit lmnn --input iris.csv --push-weight 0 --output m.json", "invalid --push-weight 0.0: must be in (0, 1]"),
    ])
    func optionErrors(commandLine: String, message: String) throws {
        let result = try Workspace.with { try $0.run(commandLine) }
        #expect(result.status == 64)
        #expect(result.stderr == "metric-learn: \(message)\n")
    }
}
