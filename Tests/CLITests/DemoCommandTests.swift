import Foundation
import MetricLearn
import Testing

@Suite struct DemoCommandTests {
    @Test func irisDemoPrintsTheTableAndWritesTheEmbedding() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("demo --dataset iris --plot embedding.svg")
            #expect(result.status == 0)
            // Only the warnings for learners that stopped at their iteration limit in some fold (MMC, as metric-learn's
            // does at its default 100 cycles), which the table's "converged" column also shows.
            #expect(result.stderr.split(separator: "\n").allSatisfy {
                $0.hasPrefix("metric-learn: warning: ") && $0.contains(" did not converge in ")
            }, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0] == "MetricLearn demo on Fisher's iris flowers: 4 measurements of 3 species "
                    + "(150 samples, 4 features, 3 classes).")
            #expect(lines[3].hasPrefix("learner          accuracy"))
            let classifiers = LearnerRegistry.learners(learningFrom: .classLabels).map(\.name).filter { $0 != "auto" }
            let rows = lines[5..<(6 + classifiers.count)]
            #expect(rows.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["euclidean"] + classifiers)

            // The baseline row is the library's own cross-validation of the same pipeline.
            let baseline = try crossValidate(Pipeline(classifier: KNearestNeighbors(neighborCount: 3)), Dataset.iris,
                                             folds: 5, seed: 0)
            let accuracy = String(format: "%.3f ± %.3f", baseline.accuracy.mean, baseline.accuracy.standardDeviation)
            #expect(lines[5].hasPrefix("euclidean        \(accuracy)"))

            let location = workspace.directory.appendingPathComponent("embedding.svg").standardizedFileURL.path
            #expect(result.stdout.contains("\nwrote the embedding to \(location)\n"))
            #expect(lines.contains { $0.hasPrefix("NCA with 2 components on all the standardised data (") })
            #expect(lines.last(where: { !$0.isEmpty })?.hasPrefix("Done in ") == true)

            let svg = try workspace.read("embedding.svg")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("NCA embedding of the standardised iris data"))
            // One point per sample, plus one legend marker per class.
            #expect(svg.components(separatedBy: "<circle").count - 1 == 150 + 3)
            for name in ["setosa", "versicolor", "virginica"] { #expect(svg.contains(">\(name)<")) }
        }
    }

    @Test func defaultIsWineAndTheCurrentDirectory() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("demo")
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("MetricLearn demo on the UCI wine recognition data"))
            #expect(result.stdout.contains("(178 samples, 13 features, 3 classes)"))
            #expect(workspace.exists("nca-embedding.svg"))
        }
    }

    @Test func unwritablePlotIsAnOutputError() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("demo --dataset iris --plot missing/dir/e.svg")
            #expect(result.status == 73)
            // After the iteration-limit warnings, if any (see above), the one error line.
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.last?.hasPrefix("metric-learn: missing/dir/e.svg: cannot create a file in missing/dir: ") == true,
                    "\(result.stderr)")
            #expect(lines.dropLast().allSatisfy { $0.contains(" did not converge in ") }, "\(result.stderr)")
        }
    }

    @Test func unknownDataset() throws {
        let result = try Workspace.with { try $0.run("demo --dataset mnist") }
        #expect(result.status == 64)
        #expect(result.stderr == "metric-learn: The value 'mnist' is invalid for '--dataset <dataset>'. Please provide "
                + "one of 'wine' and 'iris'. (see 'metric-learn demo --help')\n")
    }
}
