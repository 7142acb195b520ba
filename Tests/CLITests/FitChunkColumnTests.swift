import Foundation
import MetricLearn
import Testing

/// `fit rca --chunk-column`: chunklets from a column of the input, no label column needed.
@Suite struct FitChunkColumnTests {
    /// Raw wine without its classes, with a `chunk` column between the features holding the chunk number of the 30
    /// chunklets of metric-learn 0.7.0's fixture (`rca_wine.json`), -1 or empty for the other rows.
    private static func prepare(_ workspace: Workspace) throws -> [String: Any] {
        let url = CLI.packageRoot.appendingPathComponent("Tests/MetricLearnTests/Fixtures/rca_wine.json")
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let chunklets = try #require(fixture["chunklets"] as? [[Int]])
        var chunkOfRow: [Int: Int] = [:]
        for (number, rows) in chunklets.enumerated() { for row in rows { chunkOfRow[row] = number } }
        let wine = try Dataset.wine
        let names = wine.featureNames
        var table = names[..<5].joined(separator: ",") + ",chunk," + names[5...].joined(separator: ",") + "\n"
        for i in 0..<wine.sampleCount {
            let values = wine.features.row(i).map { "\($0)" }
            let chunk = chunkOfRow[i].map(String.init) ?? (i.isMultiple(of: 2) ? "-1" : "")
            table += values[..<5].joined(separator: ",") + ",\(chunk)," + values[5...].joined(separator: ",") + "\n"
        }
        try workspace.write(table, to: "wine-chunks.csv")
        return fixture
    }

    /// The model learned on the raw features equals metric-learn's M on the standardised ones once rescaled
    /// (M_std = S·M·S, S the fixture's scales; RCA is scale invariant), to 1e-9 relative.
    @Test func fitsRCAFromTheChunkColumnAsMetricLearnDoes() throws {
        try Workspace.with { workspace in
            let fixture = try Self.prepare(workspace)
            let result = try workspace.run("fit rca --input wine-chunks.csv --chunk-column chunk --output m.json")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("rca: 178 samples × 13 features → 13 components, "))
            #expect(result.stdout.contains("\nchunklets: 30 (90 rows) from column 'chunk'\n"))
            let metric = try ModelFile(contentsOfFile: workspace.path("m.json")).metric
            #expect(metric.featureNames == (try Dataset.wine.featureNames))
            let scaler = try #require(fixture["standardScaler"] as? [String: Any])
            let scale = try #require(scaler["scale"] as? [Double])
            let cases = try #require(fixture["cases"] as? [String: Any])
            let all = try #require(cases["all"] as? [String: Any])
            let expected = Matrix(rows: try #require(all["M"] as? [[Double]]))
            let m = metric.mahalanobisMatrix
            let rescaled = Matrix(rows: (0..<13).map { i in (0..<13).map { j in scale[i] * m[i, j] * scale[j] } })
            #expect(rescaled.maxAbsoluteDifference(from: expected) <= 1e-9 * expected.frobeniusNorm)
            #expect(metric.report.details["chunkletCount"] == 30)
        }
    }

    /// Bad chunk columns are data errors (65) naming the line; bad combinations usage errors (64); nothing is
    /// written. Learners that do not learn from chunklets have no such option.
    @Test func badChunkColumnsAreRefusedAndNothingIsWritten() throws {
        try Workspace.with { workspace in
            _ = try Self.prepare(workspace)
            try workspace.write("a,b,chunk\n1,2,0\n2,3,0\n3,5,x\n", to: "text.csv")
            try workspace.write("a,b,chunk\n1,2,0\n2,3,1\n3,5,0\n", to: "alone.csv")
            try workspace.write("a,b,chunk\n1,2,-1\n2,3,\n", to: "none.csv")
            let cases: [(String, Int32, String)] = [
                ("--input text.csv --chunk-column chunk", 65,
                 "text.csv: line 4, column 3: 'x' is not a chunk number: rows that share an integer ≥ 0 form a "
                     + "chunklet, a negative number or an empty cell is in none"),
                ("--input alone.csv --chunk-column chunk", 65,
                 "alone.csv: line 3, column 3: chunk 1 has this row only: a chunklet needs two or more rows (give the "
                     + "row -1 or an empty cell to leave it out)"),
                ("--input none.csv --chunk-column chunk", 65,
                 "none.csv: line 1, column 3: no row is in a chunklet: column 'chunk' has no chunk number ≥ 0"),
                ("--input none.csv --chunk-column group", 65,
                 "none.csv: line 1: there is no column named 'group'; the columns are 'a', 'b', 'chunk'"),
                ("--input wine-chunks.csv --chunk-column chunk --label-column alcohol", 64,
                 "--label-column applies when learning from labels; with --chunk-column every column but the chunk "
                     + "column is a feature (see 'metric-learn fit rca --help')"),
                ("--input wine-chunks.csv --chunk-column chunk --features alcohol chunk", 64,
                 "invalid --features 'chunk': the chunk column cannot also be a feature"),
            ]
            for (options, status, message) in cases {
                let result = try workspace.run("fit rca \(options) --output m.json")
                #expect(result.status == status, "\(options)")
                #expect(result.stderr == "metric-learn: \(message)\n", "\(options)")
                #expect(!workspace.exists("m.json"))
            }
            let lfda = try workspace.run("fit lfda --input wine-chunks.csv --chunk-column chunk --output m.json")
            #expect(lfda.status == 64 && lfda.stderr.contains("Unknown option '--chunk-column'"))
        }
    }
}
