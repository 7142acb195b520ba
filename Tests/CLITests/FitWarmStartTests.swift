import Foundation
import Testing

/// `fit --warm-start M.json`: the learners that iterate continue from a model's metric in its feature space; the
/// others refuse the option (64); a model of other features, components or preprocessing is a data error (65).
@Suite struct FitWarmStartTests {
    private func report(_ workspace: Workspace, _ name: String) throws -> [String: Any] {
        let model = try #require(try JSONSerialization.jsonObject(with: workspace.data(name)) as? [String: Any])
        return try #require(model["report"] as? [String: Any])
    }

    private func history(_ workspace: Workspace, _ name: String) throws -> [Double] {
        try #require(try report(workspace, name)["objectiveHistory"] as? [Double])
    }

    /// A warm start begins at the model's metric (its first objective is the model's last) and, fitted with or
    /// without `--standardize` whatever the model's own, at the same metric: standardised features start from the
    /// model's components times the scales, so the distances, and NCA's objective, are the model's.
    @Test(arguments: [("", ""), ("--standardize", "--standardize"), ("--standardize", ""), ("", "--standardize")])
    func ncaContinuesFromTheModelsMetric(first: String, second: String) throws {
        try Workspace.with { workspace in
            let fit = "fit nca --input wine.csv --component-count 2 --max-iterations 5"
            #expect(try workspace.run("\(fit) \(first) --output a.json").status == 0)
            let result = try workspace.run("\(fit) \(second) --warm-start a.json --output b.json")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("warm start: from a.json\n"))
            let (before, after) = (try history(workspace, "a.json"), try history(workspace, "b.json"))
            let (end, start) = (try #require(before.last), try #require(after.first))
            #expect(abs(start - end) <= 1e-9 * abs(end), "\(start) vs \(end)")
            #expect(try #require(after.last) >= end)
            #expect((try report(workspace, "b.json")["details"] as? [String: Double])?["warmStart"] == 1)
        }
    }

    /// MLKR's objective is a function of L alone: the warm start begins at the model's last value.
    @Test func mlkrContinuesFromTheModelsMetric() throws {
        try Workspace.with { workspace in
            try workspace.copyResource("diabetes.csv")
            let fit = "fit mlkr --input diabetes.csv --max-iterations 3"
            #expect(try workspace.run("\(fit) --output a.json").status == 0)
            let result = try workspace.run("\(fit) --warm-start a.json --output b.json")
            #expect(result.status == 0, "\(result.stderr)")
            let (end, start) = (try #require(try history(workspace, "a.json").last),
                                try #require(try history(workspace, "b.json").first))
            #expect(abs(start - end) <= 1e-9 * abs(end), "\(start) vs \(end)")
        }
    }

    /// LMNN's objective also depends on the impostors it holds, found afresh at the start of a fit: the warm start
    /// begins from the model's L and goes down from there.
    @Test func lmnnContinuesFromTheModel() throws {
        try Workspace.with { workspace in
            let fit = "fit lmnn --input iris.csv --max-iterations 3"
            #expect(try workspace.run("\(fit) --output a.json").status == 0)
            let result = try workspace.run("\(fit) --warm-start a.json --output b.json")
            #expect(result.status == 0, "\(result.stderr)")
            let after = try history(workspace, "b.json")
            let (first, last) = (try #require(after.first), try #require(after.last))
            #expect(last <= first)
        }
    }

    @Test func aLearnerThatCannotContinueIsAUsageError() throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit nca --input iris.csv --max-iterations 2 --output a.json").status == 0)
            let result = try workspace.run("fit whitening --input iris.csv --warm-start a.json --output b.json")
            #expect(result.status == 64)
            #expect(result.stderr.contains("--warm-start: whitening cannot continue from a model; the learners that "
                                               + "can are "))
            #expect(result.stderr.contains("nca") && !workspace.exists("b.json"))
        }
    }

    /// Another feature count, another component count, or a model whose columns were preprocessed for a table read
    /// as numbers: a data error naming the model file and the mismatch.
    @Test(arguments: [
        ("fit nca --input wine.csv", "it was fitted on 4 features (sepal length (cm), "),
        ("fit nca --input iris.csv --component-count 3", "it has 2 components: componentCount is 3"),
        ("fit nca --input penguins.csv --label-column species --ignore id --categorical auto --impute median",
         "it was fitted on numeric columns without table preprocessing"),
    ])
    func anIncompatibleModelIsADataError(command: String, message: String) throws {
        try Workspace.with { workspace in
            try workspace.write(Penguins.csv, to: "penguins.csv")
            #expect(try workspace.run("fit nca --input iris.csv --component-count 2 --max-iterations 2 --output a.json")
                .status == 0)
            let result = try workspace.run("\(command) --warm-start a.json --output b.json")
            #expect(result.status == 65)
            #expect(result.stderr.contains("a.json: invalid starting model = \(message)"), "\(result.stderr)")
            #expect(!workspace.exists("b.json"))
        }
    }

    /// A model of a preprocessed table continues on the table read with the same options (its preprocessor applied
    /// as it is); read as numbers, the table is refused.
    @Test func aPreprocessedModelContinuesWithTheSameColumnOptions() throws {
        try Workspace.with { workspace in
            try workspace.write(Penguins.csv, to: "penguins.csv")
            let fit = "fit nca --input penguins.csv \(Penguins.options) --max-iterations 3 --standardize"
            #expect(try workspace.run("\(fit) --output a.json").status == 0)
            let result = try workspace.run("\(fit) --warm-start a.json --output b.json")
            #expect(result.status == 0, "\(result.stderr)")
            let a = try #require(try JSONSerialization.jsonObject(with: workspace.data("a.json")) as? [String: Any])
            let b = try #require(try JSONSerialization.jsonObject(with: workspace.data("b.json")) as? [String: Any])
            #expect(a["tablePreprocessor"] as? NSDictionary == b["tablePreprocessor"] as? NSDictionary)
            let numbers = try workspace.run("fit nca --input iris.csv --warm-start a.json --output c.json")
            #expect(numbers.status == 65)
            #expect(numbers.stderr.contains("its columns are preprocessed"))
        }
    }

    @Test func aMissingModelIsAMissingInput() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit nca --input iris.csv --warm-start none.json --output b.json")
            #expect(result.status == 66)
            #expect(result.stderr.contains("none.json: no such file"))
        }
    }
}
