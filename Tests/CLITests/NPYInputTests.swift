import Foundation
import MetricLearn
import Testing

/// `.npy` features with `--labels` wherever a CSV training or data file is read: the same results as the same
/// numbers in a CSV file whose columns are named like a `.npy` file's (`x0`, `x1`, …).
@Suite struct NPYInputTests {
    /// A 1-D `.npy` array of unicode text (dtype `<U<width>`, version 1.0), as `numpy.save` writes it.
    static func npyTexts(_ texts: [String]) -> Data {
        let width = texts.map { $0.unicodeScalars.count }.max() ?? 1
        var header = "{'descr': '<U\(width)', 'fortran_order': False, 'shape': (\(texts.count),), }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        var bytes = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        for text in texts {
            let codes = text.unicodeScalars.map(\.value) + Array(repeating: 0, count: width - text.unicodeScalars.count)
            for code in codes { withUnsafeBytes(of: code.littleEndian) { bytes += $0 } }
        }
        return Data(bytes)
    }

    /// Iris as `X.npy` + `y.npy` (class names as text), `y.csv` (one labelled column) and `iris-x.csv` (the same
    /// numbers with columns `x0`…`x3` and the label).
    static func writeIris(_ workspace: Workspace) throws {
        let iris = try Dataset.iris
        try iris.features.npyData().write(to: URL(fileURLWithPath: workspace.path("X.npy")))
        let names = iris.labels.map { iris.classNames[$0] }
        try npyTexts(names).write(to: URL(fileURLWithPath: workspace.path("y.npy")))
        try workspace.write("species\n" + names.joined(separator: "\n") + "\n", to: "y.csv")
        let renamed = try Dataset(features: iris.features, labels: iris.labels, classNames: iris.classNames,
                                  featureNames: (0..<4).map { "x\($0)" })
        try CSVWriter().data(try renamed.csvColumns()).write(to: URL(fileURLWithPath: workspace.path("iris-x.csv")))
    }

    /// `fit`'s summary without the fit's duration (`…, 0.42 s` at the end of its line).
    static func withoutTime(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map { line in
            guard line.hasSuffix(" s"), let comma = line.range(of: ", ", options: .backwards) else { return String(line) }
            return String(line[..<comma.lowerBound])
        }
    }

    /// The model file's JSON without the fit's duration.
    static func modelWithoutTime(_ workspace: Workspace, _ name: String) throws -> String {
        var model = try #require(try JSONSerialization.jsonObject(with: workspace.data(name)) as? [String: Any])
        var report = try #require(model["report"] as? [String: Any])
        #expect(report.removeValue(forKey: "fitSeconds") != nil)
        model["report"] = report
        return String(decoding: try JSONSerialization.data(withJSONObject: model, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(arguments: ["nca --max-iterations 20", "whitening", "lmnn --max-iterations 5"])
    func fitFromNPYIsFitFromCSV(learner: String) throws {
        try Workspace.with { workspace in
            try Self.writeIris(workspace)
            let csv = try workspace.run("fit \(learner) --input iris-x.csv --output csv.json --standardize")
            #expect(csv.status == 0)
            for labels in ["y.npy", "y.csv"] {
                let npy = try workspace.run("fit \(learner) --input X.npy --labels \(labels) --output npy.json --standardize")
                #expect(npy.status == 0, "\(npy.stderr)")
                #expect(Self.withoutTime(npy.stdout) == Self.withoutTime(csv.stdout.replacingOccurrences(of: "csv.json", with: "npy.json")))
                #expect(try Self.modelWithoutTime(workspace, "npy.json") == Self.modelWithoutTime(workspace, "csv.json"))
            }
        }
    }

    @Test func predictTransformAndEvaluateFromNPY() throws {
        try Workspace.with { workspace in
            try Self.writeIris(workspace)
            #expect(try workspace.run("fit nca --max-iterations 10 --input X.npy --labels y.npy --output m.json").status == 0)
            let csv = try workspace.run("predict --metric m.json --train iris-x.csv --input iris-x.csv --output p-csv.csv")
            let npy = try workspace.run("predict --metric m.json --train X.npy --labels y.npy --input X.npy --output p-npy.csv")
            #expect(csv.status == 0 && npy.status == 0, "\(npy.stderr)")
            #expect(try workspace.read("p-npy.csv") == workspace.read("p-csv.csv"))
            let euclidean = try workspace.run("predict --train X.npy --labels y.csv --input iris-x.csv --output e.csv")
            #expect(euclidean.status == 0, "\(euclidean.stderr)")

            #expect(try workspace.run("transform --metric m.json --input X.npy --output t-npy.csv").status == 0)
            #expect(try workspace.run("transform --metric m.json --input iris-x.csv --output t-csv.csv").status == 0)
            let fromCSV = try workspace.read("t-csv.csv").split(separator: "\n").map { $0.split(separator: ",").dropLast() }
            #expect(try workspace.read("t-npy.csv").split(separator: "\n").map { $0.split(separator: ",")[...] } == fromCSV)

            let evaluateCSV = try workspace.run("evaluate --input iris-x.csv --learner euclidean --learner whitening --json")
            let evaluateNPY = try workspace.run("evaluate --input X.npy --labels y.npy --learner euclidean --learner whitening --json")
            #expect(evaluateNPY.status == 0, "\(evaluateNPY.stderr)")
            let scores = { (text: String) throws -> [[Double]] in
                let runs = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
                return runs.compactMap { $0["accuracyPerFold"] as? [Double] }
            }
            #expect(try scores(evaluateNPY.stdout) == scores(evaluateCSV.stdout))
            #expect(try scores(evaluateCSV.stdout).count == 2)
        }
    }

    @Test func regressionTargetsFromNPY() throws {
        try Workspace.with { workspace in
            let x = Matrix(rows: [[0, 1], [1, 0], [2, 2], [3, 1], [4, 4], [5, 2]])
            try x.npyData().write(to: URL(fileURLWithPath: workspace.path("X.npy")))
            try Matrix(rows: [[0.5, 1, 2.5, 3, 4.5, 5]]).npyData().write(to: URL(fileURLWithPath: workspace.path("y2d.npy")))
            try workspace.write("target\n0.5\n1\n2.5\n3\n4.5\n5\n", to: "y.csv")
            let fit = try workspace.run("fit mlkr --input X.npy --labels y.csv --max-iterations 5 --output m.json")
            #expect(fit.status == 0, "\(fit.stderr)")
            let predict = try workspace.run("predict --metric m.json --train X.npy --labels y.csv --input X.npy --output p.csv")
            #expect(predict.status == 0, "\(predict.stderr)")
            #expect(try workspace.read("p.csv").hasPrefix("prediction\n"))
            // A 1 × 6 array is not a label vector.
            let wrong = try workspace.run("fit mlkr --input X.npy --labels y2d.npy --output w.json")
            #expect(wrong.status == 65 && wrong.stderr.contains("y2d.npy: holds an array of shape (1, 6)"))
        }
    }

    @Test(arguments: [
        ("fit nca --input X.npy --output m.json", "--input X.npy holds features only: give its labels with --labels"),
        ("fit nca --input iris-x.csv --labels y.npy --output m.json", "--labels applies with a .npy --input only"),
        ("fit nca --input X.npy --labels y.npy --label-column species --output m.json",
         "--label-column applies to a CSV --labels file"),
        ("fit nca --input X.npy --labels y.npy --features x0 --output m.json",
         "--features does not apply to the .npy --input X.npy"),
        ("fit nca --input X.npy --labels y.npy --categorical auto --output m.json", "--categorical does not apply"),
        ("fit itml --input X.npy --labels y.npy --pairs p.csv --output m.json", "--pairs needs a CSV --input"),
        ("fit rca --input X.npy --labels y.npy --chunk-column chunk --output m.json", "--chunk-column needs a CSV --input"),
        ("evaluate --input X.npy --learner nca --ignore x1", "--labels"),
        ("predict --train X.npy --input X.npy --output p.csv", "--train X.npy holds features only"),
        ("transform --metric m.json --input X.npy --label-column species --output t.csv", "--label-column does not apply"),
        ("pairs --metric m.json --input X.npy --pairs p.csv --id-column id --output o.csv", "--id-column does not apply"),
    ])
    func misusedOptionsAreUsageErrors(commandLine: String, message: String) throws {
        try Workspace.with { workspace in
            try Self.writeIris(workspace)
            let result = try workspace.run(commandLine)
            #expect(result.status == 64)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test func dataErrorsNameTheFile() throws {
        try Workspace.with { workspace in
            try Self.writeIris(workspace)
            try Self.npyTexts(["a", "b"]).write(to: URL(fileURLWithPath: workspace.path("short.npy")))
            try Data("not numpy".utf8).write(to: URL(fileURLWithPath: workspace.path("bad.npy")))
            try Matrix(rows: [[1, .nan], [2, 3]]).npyData().write(to: URL(fileURLWithPath: workspace.path("nan.npy")))
            let cases: [(String, Int32, String)] = [
                ("fit nca --input X.npy --labels short.npy --output m.json", 65,
                 "metric-learn: short.npy: holds 2 labels for the 150 rows of X.npy"),
                ("fit nca --input bad.npy --labels y.npy --output m.json", 65, "metric-learn: bad.npy: not a NumPy .npy file"),
                ("fit nca --input nan.npy --labels short.npy --output m.json", 65,
                 "nan.npy: non-finite value (NaN or infinity) at row 0, column 1"),
                ("fit nca --input missing.npy --labels y.npy --output m.json", 66, "missing.npy: no such file"),
                ("fit nca --input X.npy --labels missing.npy --output m.json", 66, "missing.npy: no such file"),
            ]
            for (commandLine, status, message) in cases {
                let result = try workspace.run(commandLine)
                #expect(result.status == status, "\(commandLine): \(result.stderr)")
                #expect(result.stderr.hasPrefix(message) || result.stderr.contains(message), "\(result.stderr)")
            }
        }
    }

    @Test func modelColumnsMustMatchTheNPYFile() throws {
        try Workspace.with { workspace in
            try Self.writeIris(workspace)
            #expect(try workspace.run("fit whitening --input X.npy --labels y.npy --output m.json").status == 0)
            try Matrix(rows: [[1, 2, 3]]).npyData().write(to: URL(fileURLWithPath: workspace.path("three.npy")))
            let result = try workspace.run("transform --metric m.json --input three.npy --output t.csv")
            #expect(result.status == 65)
            #expect(result.stderr == "metric-learn: three.npy: has 3 columns where the model reads 4 features\n")
            #expect(try workspace.run("index build --metric m.json --input X.npy --output i.hnsw").status == 0)
            let check = try workspace.run("index check --metric m.json --input X.npy --index i.hnsw --queries 20")
            #expect(check.status == 0, "\(check.stderr)")
        }
    }
}
