import Foundation
import MetricLearn
import Testing

/// The command line's lists of learners come from `LearnerRegistry`: these fail when a registered learner is
/// missing from `fit`, `evaluate`, `info` or the reference page, or when a parameter has no option.
@Suite struct LearnerRegistryCommandTests {
    @Test func fitListsEveryLearnerWithItsSummary() throws {
        let help = try CLI.run(["fit", "--help"]).stdout
        for registration in LearnerRegistry.all {
            #expect(help.contains("\n  \(registration.name) "), "fit --help does not list \(registration.name)")
        }
    }

    @Test(arguments: LearnerRegistry.all.map(\.name))
    func fitOffersEveryParameterAsAnOption(_ name: String) throws {
        let registration = try #require(LearnerRegistry.registration(named: name))
        let help = try CLI.run(["fit", name, "--help"]).stdout
        for parameter in registration.parameters where parameter.name != "seed" {
            #expect(help.contains("  \(parameter.optionName) "), "fit \(name) has no \(parameter.optionName)")
        }
        if registration.parameter(named: "seed") != nil { #expect(help.contains("  --seed ")) }
    }

    @Test func evaluateOffersEveryLearnerOfClassLabelsOrRegressionTargets() throws {
        let help = try CLI.run(["evaluate", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let names = ["euclidean"] + LearnerRegistry.all.filter {
            $0.supervision.contains(.classLabels) || $0.supervision.contains(.regressionTargets)
        }.map(\.name)
        #expect(help.contains("(values: \(names.joined(separator: ", ")))"))
    }

    /// Each learner fitted with its defaults: `info` reads the model back and shows every parameter it has.
    @Test(arguments: LearnerRegistry.all.map(\.name))
    func infoDescribesAModelOfEveryLearner(_ name: String) throws {
        let registration = try #require(LearnerRegistry.registration(named: name))
        try Workspace.with { workspace in
            // A learner of regression targets learns from diabetes' numbers, every other one from iris' classes.
            let data = registration.supervision.contains(.classLabels) ? "iris.csv" : "diabetes.csv"
            try workspace.copyResource("diabetes.csv")
            let fit = try workspace.run(["fit", name, "--input", data, "--output", "model.json", "--standardize"])
            #expect(fit.status == 0, "\(fit.stderr)")
            let info = try workspace.run(["info", "model.json"])
            #expect(info.status == 0, "\(info.stderr)")
            #expect(info.stdout.contains("  learner        \(name)\n"))
            let configuration = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("  configuration") })
            for parameter in registration.parameters where parameter.defaultValue != nil {
                #expect(configuration.contains("\(parameter.name) = "), "info of \(name) lacks \(parameter.name)")
            }
        }
    }

    @Test func theReferencePageDocumentsEveryFitCommand() throws {
        let reference = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Docs/CLI.md"), encoding: .utf8)
        for registration in LearnerRegistry.all {
            #expect(reference.contains("\n| `\(registration.name)` |"), "Docs/CLI.md's fit table has no row for \(registration.name)")
            for parameter in registration.parameters where parameter.name != "seed" {
                #expect(reference.contains(parameter.optionName),
                        "Docs/CLI.md does not document \(parameter.optionName) of fit \(registration.name)")
            }
        }
    }
}
