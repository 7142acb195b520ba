import Foundation
import Testing

@Suite struct InfoCommandTests {
    @Test func summarisesAWhiteningModel() throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --input iris.csv --component-count 2 --output m.json").status == 0)
            let result = try workspace.run("info m.json")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "m.json")
            #expect(lines.contains("  learner        whitening"))
            #expect(lines.contains("  configuration  componentCount = 2, mode = within-class, relativeTolerance = 1e-10, shrinkage = cross-validated"))
            #expect(lines.contains("  dimensions     4 features → 2 components"))
            #expect(lines.contains { $0.hasPrefix("  fit            closed form, ") && $0.hasSuffix(" s") })
            #expect(lines.contains("  details        effectiveRank = 4, neighborAgreement = 0.864, shrinkage = 0.5"))
            #expect(lines.contains("  features       sepal length (cm), sepal width (cm), petal length (cm), petal width (cm)"))
            #expect(lines.contains("  format         version 1, written by MetricLearn 0.1.0"))
        }
    }

    @Test func listsTheTopFeatureWeights() throws {
        try Workspace.with { workspace in
            // A hand-written feature-weights style model: weights are listed largest first, as stored.
            try workspace.write(ModelFixtures.weighted, to: "w.json")
            let result = try workspace.run("info w.json --top 2")
            #expect(result.status == 0)
            #expect(result.stdout.hasSuffix("""
                  top feature weights:
                    b  3
                    a  0.5
                    … 1 more

                """))
        }
    }
}
