import Foundation
import Testing

/// Inputs a careless user gives that must work — as written, without a silent rewrite — or work with a warning.
@Suite struct CarelessInputCLITests {
    /// Twelve rows in two well-separated groups, labelled as `labels` says (row i gets labels[i % labels.count]).
    static func table(labels: [String]) -> String {
        "a,b,label\n" + (0..<12).map { i in
            let label = labels[i % labels.count]
            let offset = Double(labels.firstIndex(of: label) ?? 0) * 10
            return "\(offset + Double(i % 3) / 10),\(offset + Double(i % 2) / 10),\(label)\n"
        }.joined()
    }

    @Test func labelsComeBackAsWritten() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.table(labels: ["01", "02"]), to: "padded.csv")
            let result = try workspace.run("predict --train padded.csv --input padded.csv --probabilities --output p.csv")
            #expect(result.status == 0)
            let lines = try workspace.read("p.csv").split(separator: "\n")
            #expect(lines.first == "prediction,probability_01,probability_02")
            #expect(Set(lines.dropFirst().map { $0.prefix(2) }) == ["01", "02"])
            // `1` and `01` are two classes, with or without a text label beside them.
            for labels in [["1", "01", "2"], ["1", "01", "x"]] {
                try workspace.write(Self.table(labels: labels), to: "mixed.csv")
                #expect(try workspace.run("predict --train mixed.csv --input mixed.csv --probabilities --output q.csv").status == 0)
                let header = try workspace.read("q.csv").prefix { $0 != "\n" }
                #expect(header == "prediction,probability_01,probability_1,probability_\(labels[2])")
            }
        }
    }

    @Test func aFoldsFileWithAByteOrderMarkIsRead() throws {
        try Workspace.with { workspace in
            let folds = (0..<150).map { String($0 % 3) }.joined(separator: "\r\n") + "\r\n"
            try Data([0xEF, 0xBB, 0xBF] + Array(folds.utf8)).write(to: workspace.directory.appendingPathComponent("folds.txt"))
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --folds-file folds.txt --json")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
        }
    }

    /// A table without a label column: its last (continuous) column would silently become 150 classes.
    @Test func aContinuousLabelColumnIsWarnedAbout() throws {
        try Workspace.with { workspace in
            let rows = (0..<150).map { "\($0 % 7),\(Double($0) * 0.37)" }
            try workspace.write("a,size\n" + rows.joined(separator: "\n") + "\n", to: "sizes.csv")
            let result = try workspace.run("fit whitening --mode total --shrinkage none --input sizes.csv --output m.json")
            #expect(result.status == 0)
            #expect(result.stderr == "metric-learn: warning: sizes.csv: the label column 'size' has 150 different values "
                        + "among 150 rows, so most classes have a single sample; it looks continuous, not like class labels: "
                        + "if another column holds the classes, name it with --label-column\n")
        }
    }

    /// ±1.7e308 in a column: `--standardize` once left it unscaled (its variance overflowed), NCA reported "converged
    /// after 0 iterations" and the model then failed in `predict`. Now the column is scaled and the model applies.
    @Test func valuesNearTheLimitOfDoubleFitWithStandardisation() throws {
        try Workspace.with { workspace in
            let rows = (0..<12).map { "\($0 % 2 == 0 ? "1.7e308" : "-1.7e308"),\(Double($0 % 5) + ($0 < 6 ? 0 : 10)),\($0 < 6 ? "p" : "q")" }
            try workspace.write("a,b,label\n" + rows.joined(separator: "\n") + "\n", to: "huge.csv")
            let fit = try workspace.run("fit nca --standardize --input huge.csv --output m.json")
            #expect(fit.status == 0)
            #expect(fit.stderr.isEmpty)
            #expect(fit.stdout.contains(", converged,") && !fit.stdout.contains(" 0 iterations"))
            let predict = try workspace.run("predict --train huge.csv --metric m.json --input huge.csv --output p.csv")
            #expect(predict.status == 0)
            #expect(try workspace.read("p.csv") == "prediction\n" + (0..<12).map { $0 < 6 ? "p\n" : "q\n" }.joined())
        }
    }
}
