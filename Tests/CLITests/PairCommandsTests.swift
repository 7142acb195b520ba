import Foundation
import MetricLearn
import Testing

/// `fit … --pairs|--triplets`, `pairs` and `evaluate-pairs` end to end on iris without its labels: rows named
/// by an identifier column, pairs drawn from the species.
@Suite struct PairCommandsTests {
    /// Iris with an `id` column (`s000`…) in front and no label; 120 pairs with `similar`; 60 triplets by row
    /// number; drawn with a seeded generator.
    private static func prepare(_ workspace: Workspace) throws {
        let iris = try Dataset.iris
        var table = "id," + iris.featureNames.joined(separator: ",") + "\n"
        for i in 0..<iris.sampleCount {
            table += "s\(i)," + iris.features.row(i).map { "\($0)" }.joined(separator: ",") + "\n"
        }
        try workspace.write(table, to: "records.csv")
        var generator = SeededGenerator(seed: 4)
        var pairs = "first,second,similar\n", triplets = "anchor,positive,negative\n"
        for _ in 0..<120 {
            let a = generator.nextIndex(below: 150), b = (a + 1 + generator.nextIndex(below: 149)) % 150
            pairs += "s\(a),s\(b),\(iris.labels[a] == iris.labels[b] ? 1 : -1)\n"
        }
        for _ in 0..<60 {
            let a = generator.nextIndex(below: 150), c = iris.labels[a]
            let positive = c * 50 + (a % 50 + 1 + generator.nextIndex(below: 49)) % 50
            let negative = ((c + 1 + generator.nextIndex(below: 2)) % 3) * 50 + generator.nextIndex(below: 50)
            triplets += "\(a),\(positive),\(negative)\n"
        }
        try workspace.write(pairs, to: "pairs.csv")
        try workspace.write(triplets, to: "triplets.csv")
    }

    private func model(_ workspace: Workspace, _ name: String) throws -> ModelFile {
        try ModelFile(contentsOfFile: workspace.path(name))
    }

    @Test(arguments: ["itml", "mmc --shape diagonal", "gmml"])
    func pairLearnersFitFromPairsAndCalibrate(learner: String) throws {
        try Workspace.with { workspace in
            try Self.prepare(workspace)
            let result = try workspace.run("fit \(learner) --input records.csv --pairs pairs.csv --id-column id "
                                               + "--standardize --output m.json")
            #expect(result.status == 0, "\(result.stderr)")
            let name = String(learner.prefix { $0 != " " })
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("\(name): 150 samples × 4 features → 4 components, ") })
            #expect(lines.contains { $0.hasPrefix("pairs: 120 from pairs.csv (") })
            #expect(lines.contains { $0.hasPrefix("threshold: ") && $0.hasSuffix("by accuracy)") })
            let file = try model(workspace, "m.json")
            #expect(file.formatVersion == 3 && file.metric.featureNames.count == 4)
            let threshold = try #require(file.pairThreshold)
            #expect(threshold.calibration?.pairCount == 120)
        }
    }

    @Test func lmnnFitsFromTripletsWithoutAThreshold() throws {
        try Workspace.with { workspace in
            try Self.prepare(workspace)
            let result = try workspace.run("fit lmnn --input records.csv --triplets triplets.csv --ignore id "
                                               + "--max-iterations 20 --output m.json")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("triplets: 60 from triplets.csv\n"))
            let file = try model(workspace, "m.json")
            #expect(file.pairThreshold == nil && file.formatVersion == 1)
            #expect(file.metric.report.details["tripletCount"] == 60)
            let stochastic = try workspace.run("fit lmnn --input records.csv --triplets triplets.csv --ignore id "
                                                   + "--solver stochastic --output s.json")
            #expect(stochastic.status == 64 && !workspace.exists("s.json"))
            #expect(stochastic.stderr.contains("--solver") && stochastic.stderr.contains("triplets"), "\(stochastic.stderr)")
        }
    }

    /// Bad pairs files and bad combinations: data errors (65) name the file and line, usage errors (64) the
    /// option; nothing is written.
    @Test func badPairsAreRefusedAndNothingIsWritten() throws {
        try Workspace.with { workspace in
            try Self.prepare(workspace)
            try workspace.write("first,second,similar\ns1,s2,1\ns3,s400,-1\n", to: "unknown.csv")
            try workspace.write("first,second,similar\n1,2,1\n3,150,-1\n", to: "past.csv")
            try workspace.write("first,similar\ns1,1\n", to: "column.csv")
            try workspace.write("first,second,similar\ns1,s2,1\ns3,s4,1\n", to: "one-kind.csv")
            let cases: [(String, Int32, String)] = [
                ("--pairs unknown.csv --id-column id", 65,
                 "unknown.csv: line 3, column 2: no row of the data has 's400' in column 'id'"),
                ("--pairs past.csv --ignore id", 65,
                 "past.csv: line 3, column 2: row 150 is past the end of the data (150 rows, numbered from 0)"),
                ("--pairs column.csv --id-column id", 65,
                 "column.csv: line 1: there is no column named 'second'; the columns are 'first', 'similar'"),
                ("--pairs one-kind.csv --id-column id", 65,
                 "one-kind.csv: line 1, column 3: all 2 pairs are similar; both similar and dissimilar pairs are needed"),
                ("--pairs pairs.csv --id-column id --label-column id", 64,
                 "--label-column applies when learning from labels; with --pairs every column but --id-column is a "
                     + "feature (see 'metric-learn fit itml --help')"),
                ("--pairs pairs.csv --id-column id --min-rate 0.9", 64,
                 "--min-rate applies to --strategy max-tpr or max-tnr only (see 'metric-learn fit itml --help')"),
                ("--id-column id", 64, "--id-column applies with --pairs only (see 'metric-learn fit itml --help')"),
            ]
            for (options, status, message) in cases {
                let result = try workspace.run("fit itml --input records.csv \(options) --output m.json")
                #expect(result.status == status, "\(options)")
                #expect(result.stderr == "metric-learn: \(message)\n", "\(options)")
                #expect(!workspace.exists("m.json"))
            }
            let nca = try workspace.run("fit nca --input records.csv --pairs pairs.csv --output m.json")
            #expect(nca.status == 64 && nca.stderr.contains("Unknown option '--pairs'"))
        }
    }

    /// `pairs` writes one row per pair; `--calibrate` writes the model with a threshold equal to the library's
    /// calibration on the same distances.
    @Test func pairsScoresAndCalibrates() throws {
        try Workspace.with { workspace in
            try Self.prepare(workspace)
            #expect(try workspace.run("fit gmml --input records.csv --pairs pairs.csv --id-column id --no-calibration "
                                          + "--output g.json").status == 0)
            #expect(try model(workspace, "g.json").pairThreshold == nil)
            let missing = try workspace.run("pairs --metric g.json --input records.csv --pairs pairs.csv --id-column id "
                                                + "--output s.csv")
            #expect(missing.status == 64)
            #expect(missing.stderr == "metric-learn: g.json has no pair threshold (it was not fitted on pairs or "
                        + "calibrated): give --threshold, or --calibrate on labelled pairs\n")
            #expect(!workspace.exists("s.csv"))

            let result = try workspace.run("pairs --metric g.json --input records.csv --pairs pairs.csv --id-column id "
                                               + "--output s.csv --calibrate --strategy max-tnr --min-rate 0.9 "
                                               + "--output-metric g2.json")
            #expect(result.status == 0, "\(result.stderr)")
            let scores = try workspace.read("s.csv").split(separator: "\n").map(String.init)
            #expect(scores.count == 121 && scores[0] == "first,second,distance,score,prediction,similar")
            let calibrated = try model(workspace, "g2.json")
            let threshold = try #require(calibrated.pairThreshold)
            let rows = try RowIdentifiers(csvFile: workspace.path("records.csv"), column: "id")
            let list = try PairList(csvFile: workspace.path("pairs.csv"), rows: rows)
            let x = try calibrated.input(csvFile: workspace.path("records.csv")).features
            let expected = try CalibrationStrategy.maxTrueNegativeRate(minimumTruePositiveRate: 0.9)
                .threshold(distances: calibrated.metric.pairDistances(x, pairs: list.pairs), similar: list.similar ?? [])
            #expect(threshold.distance == expected)
            for line in scores.dropFirst() {
                let cells = line.split(separator: ",").map(String.init)
                let distance = try #require(Double(cells[2]))
                #expect(Double(cells[3]) == -distance)
                #expect(cells[4] == (distance <= expected ? "1" : "-1"))
            }
            let unlabelled = "first,second\ns1,s2\ns3,s4\n"
            try workspace.write(unlabelled, to: "unlabelled.csv")
            let scored = try workspace.run("pairs --metric g2.json --input records.csv --pairs unlabelled.csv "
                                               + "--id-column id --output u.csv")
            #expect(scored.status == 0)
            #expect(try workspace.read("u.csv").hasPrefix("first,second,distance,score,prediction\ns1,s2,"))
            let calibrateUnlabelled = try workspace.run("pairs --metric g2.json --input records.csv --pairs unlabelled.csv "
                                                            + "--id-column id --output v.csv --calibrate --output-metric x.json")
            #expect(calibrateUnlabelled.status == 65)
            #expect(calibrateUnlabelled.stderr == "metric-learn: unlabelled.csv: line 1: there is no column named "
                        + "'similar': these pairs need labels (1 similar, -1 dissimilar)\n")
            #expect(!workspace.exists("v.csv") && !workspace.exists("x.json"))
            let usage = try workspace.run("pairs --metric g2.json --input records.csv --pairs pairs.csv --id-column id "
                                              + "--output v.csv --calibrate")
            #expect(usage.status == 64 && usage.stderr.hasPrefix("metric-learn: --calibrate needs --output-metric"))
        }
    }

    /// `evaluate-pairs --json` has the documented keys with the library's numbers; `--plot` writes the ROC curve.
    @Test func evaluatePairsReportsTheDocumentedKeys() throws {
        try Workspace.with { workspace in
            try Self.prepare(workspace)
            #expect(try workspace.run("fit itml --input records.csv --pairs pairs.csv --id-column id --output m.json")
                .status == 0)
            let result = try workspace.run("evaluate-pairs --metric m.json --input records.csv --pairs pairs.csv "
                                               + "--id-column id --json --plot roc.svg")
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["rocAuc", "equalErrorRate", "averagePrecision", "threshold", "accuracy", "f1",
                                         "tprAtFpr", "pairCount", "similarPairCount"])
            #expect(object["pairCount"] as? Int == 120)
            #expect(Set((object["tprAtFpr"] as? [String: Double] ?? [:]).keys) == ["0.01", "0.001"])
            let file = try model(workspace, "m.json")
            let rows = try RowIdentifiers(csvFile: workspace.path("records.csv"), column: "id")
            let list = try PairList(csvFile: workspace.path("pairs.csv"), rows: rows)
            let x = try file.input(csvFile: workspace.path("records.csv")).features
            let report = try PairVerificationReport(distances: file.metric.pairDistances(x, pairs: list.pairs),
                                                    similar: list.similar ?? [], threshold: file.pairThreshold?.distance)
            // Foundation's JSON reader may round a long decimal one ulp off.
            func close(_ key: String, _ expected: Double?) -> Bool {
                guard let value = object[key] as? Double, let expected else { return false }
                return abs(value - expected) <= 1e-15 * max(1, abs(expected))
            }
            #expect(close("rocAuc", report.rocAuc) && close("accuracy", report.accuracy))
            #expect(close("threshold", file.pairThreshold?.distance) && close("f1", report.f1))
            #expect(try workspace.read("roc.svg").hasPrefix("<svg"))

            let text = try workspace.run("evaluate-pairs --metric m.json --input records.csv --pairs pairs.csv "
                                             + "--id-column id --fpr 0.05")
            #expect(text.status == 0)
            #expect(text.stdout.contains("\nROC-AUC ") && text.stdout.contains("\nTPR at FPR 0.05 "))
            #expect(text.stdout.split(separator: "\n").count == 8, "pairs, 3 rates, threshold, accuracy, F1, TPR")
        }
    }
}
