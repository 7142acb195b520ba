import Foundation
import Testing

/// A command run on a hostile file, with the exit status and the one stderr line it must give.
struct HostileRun: Sendable, CustomTestStringConvertible {
    let name: String
    /// Files written into the workspace before the run (next to iris.csv, wine.csv and a total-covariance whitening model m.json).
    let files: [String: [UInt8]]
    let arguments: [String]
    let status: Int32
    /// The stderr line after `metric-learn: `, or its start when it ends in `…`.
    let message: String

    var testDescription: String { name }

    /// The output file the command names (after `--output`).
    var output: String? { arguments.firstIndex(of: "--output").map { arguments[$0 + 1] } }

    init(_ name: String, _ files: [String: String] = [:], binary: [String: [UInt8]] = [:], _ commandLine: String,
         _ status: Int32, _ message: String) {
        self.name = name
        self.files = files.mapValues { Array($0.utf8) }.merging(binary) { $1 }
        self.arguments = commandLine.split(separator: " ").map(String.init)
        self.status = status
        self.message = message
    }

    init(_ name: String, _ commandLine: String, _ status: Int32, _ message: String) {
        self.init(name, [:], commandLine, status, message)
    }

    static let fit = "fit whitening --mode total --shrinkage none --input data.csv --output out.json"
    static let transform = "transform --metric m.json --input data.csv --output out.csv"
    static let predict = "predict --train iris.csv --metric m.json --input data.csv --output out.csv"
    static let finiteOnly = "only finite numbers are accepted"
    static let huge = "a,b,label\n" + (0..<12).map { "\($0 % 5)e160,\($0 % 3)e160,\($0 < 6 ? "p" : "q")" }.joined(separator: "\n")
    static let small = "a,b,label\n" + (0..<8).map { "\($0),\($0 % 3),common\n" }.joined() + "9,1,rare\n7,2,rare\n"
    static let model = ModelFixtures.weighted
    static let irisHeader = "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n"
    static let scaledModel = model.replacingOccurrences(of: "[0.5, 0, 0, 0, 3, 0, 0, 0, 0]",
                                                        with: "[0.5, 0, 0, 0, 1e308, 0, 0, 0, 0]")
    static let constantHuge = "a,b,label\n" + (0..<12).map { "1.7e308,\($0 % 5),\($0 < 6 ? "p" : "q")\n" }.joined()
    static let collinear = "a,b,c,label\n" + (0..<20).map { "\($0),\($0 % 7),\(2 * $0 - $0 % 7),\($0 % 2)\n" }.joined()
    static let identifiers = "id,a,label\n" + (0..<12).map { "row\($0),\($0 % 4),\($0 % 2)\n" }.joined()
    /// 6 rows of 100 000 features: NCA keeping all of them as components needs terabytes.
    static let wide = (0..<100_000).map { "f\($0)," }.joined() + "label\n"
        + (0..<6).map { row in (0..<100_000).map { "\(($0 * 7 + row * 3) % 10)," }.joined() + "\(row % 2)\n" }.joined()

    static let all: [HostileRun] = [
        // Data files given to fit
        HostileRun("empty file", ["data.csv": ""], fit, 65,
                   "data.csv: line 1: the file is empty: a header row naming the columns is required"),
        HostileRun("header only", ["data.csv": "a,b,label\n"], fit, 65,
                   "data.csv: line 1: the header is not followed by any data rows"),
        HostileRun("ragged rows", ["data.csv": "a,b,label\n1,2,x\n3,y\n"], fit, 65,
                   "data.csv: line 3, column 3: expected 3 fields (as in the header), found 2"),
        HostileRun("stray text", ["data.csv": "a,b,label\n1,2,x\n3,four,y\n"], fit, 65,
                   "data.csv: line 3, column 2: 'four' in column 'b' is not a number; if the column holds categories, add "
                       + "--categorical b (or --categorical auto)"),
        HostileRun("empty cell", ["data.csv": "a,b,label\n1,2,x\n,4,y\n"], fit, 65,
                   "data.csv: line 3, column 1: empty cell: a number is missing"),
        HostileRun("nan text", ["data.csv": "a,b,label\n1,nan,x\n2,3,y\n"], fit, 65,
                   "data.csv: line 2, column 2: 'nan' is a missing or non-finite value; \(finiteOnly)"),
        HostileRun("inf text", ["data.csv": "a,b,label\n1,2,x\n-Infinity,3,y\n"], fit, 65,
                   "data.csv: line 3, column 1: '-Infinity' is a missing or non-finite value; \(finiteOnly)"),
        HostileRun("binary garbage", binary: ["data.csv": [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF]], fit, 65,
                   "data.csv: line 1: not a text CSV file: it contains a NUL byte (binary data?)"),
        HostileRun("a missing label column", ["data.csv": "a,b,label\n1,2,x\n3,4,y\n"],
                   fit + " --label-column species", 65,
                   "data.csv: line 1: there is no column named 'species'; the columns are 'a', 'b', 'label'"),
        HostileRun("a single class", ["data.csv": "a,b,label\n1,2,x\n3,5,x\n4,4,x\n"], fit, 65,
                   "data.csv: only one class ('x') in the labels; at least two are needed"),
        HostileRun("a class smaller than LMNN's k + 1", ["data.csv": small],
                   "fit lmnn --input data.csv --output out.json", 65,
                   "data.csv: class 'rare' has 2 samples; at least 4 are needed"),
        HostileRun("features whose squares overflow", ["data.csv": huge], "fit lmnn --input data.csv --output out.json", 65,
                   "data.csv: invalid features = on this scale: lmnn's objective or its gradient is not finite on them "
                       + "(they overflow Double); standardise the features"),
        HostileRun("rows that are all the same, for ITML", ["data.csv": "a,b,label\n1,2,x\n1,2,x\n1,2,y\n1,2,y\n"],
                   "fit itml --input data.csv --output out.json", 65,
                   "data.csv: invalid constraints = 6 pairs: every pair joins two identical rows; at least one pair of "
                       + "distinct rows is needed"),
        HostileRun("a neighbour count near Int.max", "fit lmnn --input iris.csv --neighbor-count 9223372036854775807 --output out.json",
                   65, "iris.csv: class 'setosa' has 50 samples; at least 9223372036854775807 are needed"),
        HostileRun("a missing data file", fit, 66, "data.csv: no such file"),
        // Issue 20: inputs
        HostileRun("an endless binary stream as data", "fit whitening --mode total --shrinkage none --input /dev/zero --output out.json", 65,
                   "/dev/zero: line 1: not a text CSV file: it contains a NUL byte (binary data?)"),
        HostileRun("the label column ignored", "fit whitening --mode total --shrinkage none --input iris.csv --ignore label --output out.json", 65,
                   "iris.csv: line 1, column 5: column 'label' is the label column, never a feature, so it cannot be "
                       + "excluded from the features"),
        HostileRun("an identifier column under --categorical auto", ["data.csv": identifiers],
                   "fit whitening --mode total --shrinkage none --input data.csv --categorical auto --output out.json", 65,
                   "data.csv: every value of categorical column 'id' is different, so one-hot encoding would make a "
                       + "feature of each row; --categorical auto refuses it: leave it out with --ignore id, or name it "
                       + "with --categorical id to encode it anyway"),
        HostileRun("a table too wide for NCA", ["data.csv": wide], "fit nca --input data.csv --output out.json", 65,
                   "data.csv: nca with 100000 components of 100000 features needs about …"),
        // Issue 20: values near the limits of Double
        HostileRun("rows near 1e308 at transform time", ["data.csv": irisHeader + "1,2,3,4\n1e308,1e308,1e308,1e308\n"],
                   transform, 65, "data.csv: line 3: the transform by the metric (component 2) overflows Double (its "
                       + "values are too large for it)"),
        HostileRun("rows near 1e308 at transform time, to .npy", ["data.csv": irisHeader + "\n1e308,1e308,1e308,1e308\n"],
                   "transform --metric m.json --input data.csv --output out.npy", 65,
                   "data.csv: line 3: the transform by the metric (component 2) overflows Double (its values are too large "
                       + "for it)"),
        HostileRun("a model whose entries are near 1e308", ["big.json": scaledModel, "data.csv": "a,b,c\n1,2,3\n-1,-2,-3\n"],
                   "transform --metric big.json --input data.csv --output out.csv", 65,
                   "data.csv: line 2: the transform by the metric (component 2) overflows Double (its values are too large "
                       + "for it)"),
        HostileRun("training rows near 1e308 at predict time", ["data.csv": "a,b,label\n1,2,x\n1e200,3,y\n2,1,x\n"],
                   "predict --train data.csv --input data.csv --output out.csv", 65,
                   "data.csv: line 3: the squared distance to the row overflows Double (its values are too large for it)"),
        HostileRun("a constant column of 1.7e308 for NCA", ["data.csv": constantHuge],
                   "fit nca --input data.csv --output out.json", 65,
                   "data.csv: invalid features = on this scale: nca's objective or its gradient is not finite on them "
                       + "(they overflow Double); standardise the features"),
        HostileRun("ITML's covariance prior on collinear data", ["data.csv": collinear],
                   "fit itml --prior covariance --input data.csv --output out.json", 65,
                   "data.csv: invalid features = their covariance: is singular (constant or collinear features), and the "
                       + "covariance prior inverts it; use the identity prior"),
        HostileRun("an infinite tolerance", "fit nca --input iris.csv --tolerance inf --output out.json", 64,
                   "invalid --tolerance inf: must be finite and non-negative"),
        HostileRun("an infinite tolerance for ReliefF", "fit feature-weights --method relieff --input iris.csv --tolerance inf "
                   + "--output out.json", 64, "invalid --tolerance inf: must be finite and non-negative"),
        HostileRun("an unknown help topic", "help bogus", 64,
                   "help: unknown command 'bogus'; the commands are demo, fit, transform, predict, evaluate, pairs, "
                   + "evaluate-pairs, info, index"),
        HostileRun("a directory as data file", "fit whitening --mode total --shrinkage none --input . --output out.json", 66, ".: is a directory, not a file"),
        HostileRun("an option out of range", "fit nca --input iris.csv --max-iterations 0 --output out.json", 64,
                   "invalid --max-iterations 0: must be at least 1"),
        // Data files given to transform and predict
        HostileRun("too few features at transform time", ["data.csv": "sepal length (cm),petal width (cm)\n1,2\n"],
                   transform, 65, "data.csv: line 1: there is no column named 'sepal width (cm)'; the columns are …"),
        HostileRun("too few features at predict time", ["data.csv": "a,b,c\n1,2,3\n"], predict, 65,
                   "data.csv: line 1: there is no column named 'sepal length (cm)'; the columns are 'a', 'b', 'c'"),
        HostileRun("stray text at transform time", ["data.csv": "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n1,2,x,4\n"],
                   transform, 65, "data.csv: line 2, column 3: 'x' in column 'petal length (cm)' is not a number"),
        // Model files
        HostileRun("an empty model file", ["bad.json": ""], "info bad.json", 65, "bad.json: not a valid model file: …"),
        HostileRun("a truncated model file", ["bad.json": String(model.prefix(120))],
                   "transform --metric bad.json --input iris.csv --output out.csv", 65, "bad.json: not a valid model file: …"),
        HostileRun("a binary model file", binary: ["bad.json": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]],
                   "predict --train iris.csv --metric bad.json --input iris.csv --output out.csv", 65,
                   "bad.json: not a valid model file: …"),
        HostileRun("a model from a future format version",
                   ["bad.json": model.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 4")],
                   "transform --metric bad.json --input iris.csv --output out.csv", 65,
                   "bad.json: not a valid model file: 'formatVersion': 4 is newer than this version of MetricLearn …"),
        HostileRun("a model with a NaN component",
                   ["bad.json": model.replacingOccurrences(of: "\"values\" : [0.5,", with: "\"values\" : [\"NaN\",")],
                   "info bad.json", 65, "bad.json: not a valid model file: 'components': non-finite value at row 0, column 0"),
        HostileRun("a data file given as the model", "info iris.csv", 65, "iris.csv: not a valid model file: …"),
        HostileRun("a missing model file", "transform --metric none.json --input iris.csv --output out.csv", 66,
                   "none.json: no such file"),
    ]
}

/// Hostile input through the `metric-learn` binary: each run fails with its sysexits status and one stderr line
/// naming the file and place, and never creates or changes its output file.
@Suite struct HostileInputCLITests {
    private static var sentinel: Data { Data("an earlier output that must survive\n".utf8) }

    @Test(arguments: HostileRun.all)
    func failsWithItsStatusAndLeavesTheOutputAlone(_ run: HostileRun) throws {
        for outputExists in [false, true] {
            try Workspace.with { workspace in
                #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
                for (name, bytes) in run.files { try Data(bytes).write(to: workspace.directory.appendingPathComponent(name)) }
                if outputExists, let output = run.output { try Self.sentinel.write(to: workspace.directory.appendingPathComponent(output)) }
                let before = try workspace.fileNames()

                let result = try workspace.run(run.arguments)
                #expect(result.status == run.status)
                #expect(result.stdout.isEmpty)
                if run.message.hasSuffix("…") {
                    #expect(result.stderr.hasPrefix("metric-learn: " + run.message.dropLast()), "stderr: \(result.stderr)")
                } else {
                    #expect(result.stderr == "metric-learn: \(run.message)\n")
                }
                #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line on stderr")
                #expect(try workspace.fileNames() == before, "no file created or left behind")
                if outputExists, let output = run.output { #expect(try workspace.data(output) == Self.sentinel) }
            }
        }
    }
}
