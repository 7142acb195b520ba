import Foundation
import Testing

@Suite struct IndexCommandTests {
    /// Fits a whitening model on wine and builds an index of wine in it (sequential insertion: reproducible).
    private func buildWineIndex(in workspace: Workspace) throws {
        #expect(try workspace.run("fit whitening --mode total --shrinkage none --input wine.csv --output m.json").status == 0)
        let result = try workspace.run("index build --metric m.json --input wine.csv --output wine.hnsw --m 8 "
                                       + "--ef-construction 100 --sequential")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote wine.hnsw: HNSW index of 178 rows × 13 dimensions (m 8, ef-construction 100), "))
    }

    /// `predict --index` with training file `train` less its last row, so the index was built on other rows.
    private func predictOnOneRowFewer(than train: String, model: String, index: String,
                                      in workspace: Workspace) throws -> CLI.Result {
        try workspace.write(try workspace.read(train).split(separator: "\n").dropLast().joined(separator: "\n"),
                            to: "fewer.csv")
        return try workspace.run("predict --train fewer.csv --input \(train) --metric \(model) --index \(index) "
                                 + "--output p.csv")
    }

    @Test func buildWritesAReproducibleIndex() throws {
        try Workspace.with { workspace in
            try buildWineIndex(in: workspace)
            let first = try workspace.data("wine.hnsw")
            #expect(try workspace.run("index build --metric m.json --input wine.csv --output again.hnsw --m 8 "
                                      + "--ef-construction 100 --sequential").status == 0)
            #expect(try workspace.data("again.hnsw") == first)
            #expect(try workspace.fileNames() == ["again.hnsw", "m.json", "iris.csv", "wine.csv", "wine.hnsw"].sorted())
        }
    }

    @Test func checkPrintsRecallAndThroughput() throws {
        try Workspace.with { workspace in
            try buildWineIndex(in: workspace)
            let result = try workspace.run("index check --index wine.hnsw --metric m.json --input wine.csv --queries 50 "
                                           + "--neighbors 5 --ef-search 100")
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.first == "recall@5 1.0000 over 50 sampled training rows (ef-search 100)")
            #expect(lines.last?.hasPrefix("index: ") == true && lines.last?.contains(" queries/s; exact search: ") == true)
        }
    }

    @Test func checkJSONHasTheDocumentedKeys() throws {
        try Workspace.with { workspace in
            try buildWineIndex(in: workspace)
            try workspace.write(try workspace.read("wine.csv").split(separator: "\n").prefix(21).joined(separator: "\n"),
                                to: "queries.csv")
            let result = try workspace.run("index check --index wine.hnsw --metric m.json --input wine.csv "
                                           + "--query-input queries.csv --json")
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["recall", "queriesPerSecond", "exactQueriesPerSecond", "neighbors", "queries",
                                         "efSearch"])
            #expect(object["queries"] as? Int == 20 && object["neighbors"] as? Int == 10 && object["efSearch"] as? Int == 64)
            #expect((object["recall"] as? Double).map { $0 > 0.9 && $0 <= 1 } == true)
            #expect((object["queriesPerSecond"] as? Double).map { $0 > 0 } == true)
        }
    }

    @Test func predictThroughTheIndexAgreesWithExactSearch() throws {
        try Workspace.with { workspace in
            try buildWineIndex(in: workspace)
            let exact = try workspace.run("predict --train wine.csv --input wine.csv --metric m.json --probabilities "
                                          + "--output exact.csv")
            #expect(exact.status == 0)
            let approximate = try workspace.run("predict --train wine.csv --input wine.csv --metric m.json --index "
                                                + "wine.hnsw --ef-search 178 --probabilities --output approximate.csv")
            #expect(approximate.status == 0, "\(approximate.stderr)")
            #expect(approximate.stdout == "wrote approximate.csv: 178 predictions (3 neighbours, uniform votes, in the "
                        + "metric of m.json, through wine.hnsw)\n")
            #expect(try workspace.read("approximate.csv") == workspace.read("exact.csv"))
        }
    }

    @Test func predictRegressionThroughTheIndexAgreesWithExactSearch() throws {
        try Workspace.with { workspace in
            try workspace.copyResource("diabetes.csv")
            #expect(try workspace.run("fit mlkr --input diabetes.csv --standardize --component-count 3 --max-iterations 5 "
                                      + "--output mlkr.json").status == 0)
            let build = try workspace.run("index build --metric mlkr.json --input diabetes.csv --output d.hnsw --sequential")
            #expect(build.status == 0, "\(build.stderr)")
            let exact = try workspace.run("predict --train diabetes.csv --input diabetes.csv --metric mlkr.json "
                                          + "--output exact.csv")
            #expect(exact.status == 0, "\(exact.stderr)")
            let approximate = try workspace.run("predict --train diabetes.csv --input diabetes.csv --metric mlkr.json "
                                                + "--index d.hnsw --ef-search 442 --output approximate.csv")
            #expect(approximate.status == 0, "\(approximate.stderr)")
            #expect(approximate.stdout == "wrote approximate.csv: 442 predictions (3 neighbours, uniform mean, in the "
                        + "metric of mlkr.json, through d.hnsw)\n")
            #expect(try workspace.read("approximate.csv") == workspace.read("exact.csv"))
            let fewer = try predictOnOneRowFewer(than: "diabetes.csv", model: "mlkr.json", index: "d.hnsw", in: workspace)
            #expect(fewer.status == 65)
            #expect(fewer.stderr == "metric-learn: d.hnsw: invalid index = built on 442 training rows: must be built "
                        + "on these 441 training rows\n")
            #expect(!workspace.exists("p.csv"))
        }
    }

    @Test func anIndexOfAnotherMetricOrOtherRowsOrATruncatedFileIsADataError() throws {
        try Workspace.with { workspace in
            try buildWineIndex(in: workspace)
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input wine.csv --output other.json --shrinkage 0.5").status == 0)
            let otherMetric = try workspace.run("index check --index wine.hnsw --metric other.json --input wine.csv")
            #expect(otherMetric.status == 65)
            #expect(otherMetric.stderr.hasPrefix("metric-learn: wine.hnsw: invalid index = built for another metric"))
            let fewer = try predictOnOneRowFewer(than: "wine.csv", model: "m.json", index: "wine.hnsw", in: workspace)
            #expect(fewer.status == 65)
            #expect(fewer.stderr == "metric-learn: wine.hnsw: invalid index = built on 178 training rows: must be built "
                        + "on these 177 training rows\n")
            try workspace.data("wine.hnsw").dropLast(10).write(to: workspace.directory.appendingPathComponent("cut.hnsw"))
            let truncated = try workspace.run("index check --index cut.hnsw --metric m.json --input wine.csv")
            #expect(truncated.status == 65)
            #expect(truncated.stderr.contains("invalid index = truncated ("))
            try workspace.write("a,b\n1,2\n", to: "notanindex.hnsw")
            let notAnIndex = try workspace.run("index check --index notanindex.hnsw --metric m.json --input wine.csv")
            #expect(notAnIndex.status == 65 && notAnIndex.stderr.contains("invalid index = not an index file"))
            #expect(!workspace.exists("p.csv"))
        }
    }

    @Test func badOptionsAreUsageErrors() throws {
        try Workspace.with { workspace in
            try buildWineIndex(in: workspace)
            let cases = [
                ("index build --metric m.json --input wine.csv --output x.hnsw --m 1",
                 "metric-learn: invalid --m 1: must be between 2 and 10000\n"),
                ("index build --metric m.json --input wine.csv --output x.hnsw --ef-construction 0",
                 "metric-learn: invalid --ef-construction 0: must be at least 1\n"),
                ("index check --index wine.hnsw --metric m.json --input wine.csv --ef-search 0",
                 "metric-learn: invalid --ef-search 0: must be at least 1\n"),
                ("index check --index wine.hnsw --metric m.json --input wine.csv --neighbors 178",
                 "metric-learn: invalid --neighbors 178: must be between 1 and the number of indexed points minus one (177)\n"),
                ("index check --index wine.hnsw --metric m.json --input wine.csv --queries 0",
                 "metric-learn: invalid --queries 0: must be at least 1\n"),
                ("index check --index wine.hnsw --metric m.json --input wine.csv --queries 5 --query-input wine.csv",
                 "metric-learn: --queries and --query-input cannot be combined (see 'metric-learn index check --help')\n"),
                ("predict --train wine.csv --input wine.csv --index wine.hnsw --output p.csv",
                 "metric-learn: --index needs --metric, the model it was built for (see 'metric-learn predict --help')\n"),
                ("predict --train wine.csv --input wine.csv --ef-search 5 --output p.csv",
                 "metric-learn: --ef-search applies to --index only (see 'metric-learn predict --help')\n"),
            ]
            for (commandLine, message) in cases {
                let result = try workspace.run(commandLine)
                #expect(result.status == 64, "\(commandLine)")
                #expect(result.stderr == message, "\(commandLine)")
            }
            #expect(!workspace.exists("x.hnsw") && !workspace.exists("p.csv"))
        }
    }
}
