import Foundation
import Testing

/// Every failure is one line on stderr, `metric-learn: …`, with a sysexits status:
/// 64 usage, 65 bad data or model file, 66 missing input, 73 output cannot be created.
@Suite struct ExitStatusTests {
    /// Runs `commandLine` in a workspace holding iris.csv, a whitening model `m.json` and the files given.
    private func run(_ commandLine: String, files: [String: String] = [:]) throws -> CLI.Result {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output m.json").status == 0)
            for (name, text) in files { try workspace.write(text, to: name) }
            return try workspace.run(commandLine)
        }
    }

    private func expectOneLine(_ result: CLI.Result, status: Int32, _ expected: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr == "metric-learn: \(expected)\n", sourceLocation: sourceLocation)
    }

    // MARK: 64 usage

    @Test func unknownOption() throws {
        expectOneLine(try run("fit whitening --mode total --shrinkage none --input iris.csv --output x.json --frobnicate"), status: 64,
                      "Unknown option '--frobnicate' (see 'metric-learn fit whitening --help')")
    }

    @Test func unknownLearner() throws {
        let result = try run("fit magic --input iris.csv --output x.json")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("metric-learn: fit: unknown learner 'magic'; the learners are whitening"))
    }

    @Test func missingLearner() throws {
        let result = try run("fit")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("metric-learn: fit: missing learner; the learners are whitening"))
    }

    @Test func missingOutput() throws {
        expectOneLine(try run("fit whitening --mode total --shrinkage none --input iris.csv"), status: 64,
                      "Missing expected argument '--output <model.json>' (see 'metric-learn fit whitening --help')")
    }

    @Test func badEnumValue() throws {
        expectOneLine(try run("fit whitening --mode total --shrinkage none --input iris.csv --mode sideways --output x.json"), status: 64,
                      "The value 'sideways' is invalid for '--mode <mode>'. Please provide one of 'total' and "
                        + "'within-class'. (see 'metric-learn fit whitening --help')")
    }

    @Test func parameterOutOfRange() throws {
        expectOneLine(try run("fit whitening --mode total --shrinkage none --input iris.csv --component-count 9 --output x.json"), status: 64,
                      "invalid --component-count 9: must be between 1 and the feature count (4)")
    }

    /// A value no data could accept is a usage error even when the input is missing: it is checked first.
    @Test(arguments: [
        ("fit nca --input missing.csv --tolerance -1 --output x.json", "invalid --tolerance -1.0: must be finite and non-negative"),
        ("fit lmnn --input missing.csv --max-iterations 0 --output x.json", "invalid --max-iterations 0: must be at least 1"),
        ("fit nca --input missing.csv --component-count 0 --output x.json", "invalid --component-count 0: must be at least 1"),
    ])
    func parameterOutOfRangeBeforeTheInputIsRead(commandLine: String, message: String) throws {
        expectOneLine(try run(commandLine), status: 64, message)
    }

    /// A component count is checked against the data, once it is read: a missing input comes first.
    @Test func componentCountAboveAMissingInputsWidthWaitsForTheInput() throws {
        expectOneLine(try run("fit nca --input missing.csv --component-count 9 --output x.json"), status: 66,
                      "missing.csv: no such file")
    }

    // MARK: 65 bad data or model file

    @Test func malformedCSVNamesFileLineAndColumn() throws {
        let result = try run("fit whitening --mode total --shrinkage none --input bad.csv --output x.json",
                             files: ["bad.csv": "a,b,label\n1,2,x\n3,4,y\n5,abc,x\n"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("metric-learn: bad.csv: line 4, column 2: "))
        #expect(result.stderr.contains("abc") && result.stderr.contains("not a number"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func raggedCSV() throws {
        let result = try run("fit whitening --mode total --shrinkage none --input ragged.csv --output x.json",
                             files: ["ragged.csv": "a,b,label\n1,2,x\n3,y\n"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("metric-learn: ragged.csv: line 3, column "))
    }

    @Test func singleClassIsADataError() throws {
        expectOneLine(try run("fit whitening --mode total --shrinkage none --input one.csv --output x.json",
                              files: ["one.csv": "a,label\n1,x\n2,x\n3,x\n"]),
                      status: 65, "one.csv: only one class ('x') in the labels; at least two are needed")
    }

    @Test func corruptedModel() throws {
        let result = try run("info broken.json", files: ["broken.json": "{\"formatVersion\" : 1, \"learner\" : "])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("metric-learn: broken.json: not a valid model file: not valid JSON"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func modelFromAFutureFormatVersion() throws {
        let future = ModelFixtures.weighted.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 7")
        let result = try run("transform --metric future.json --input iris.csv --output z.csv",
                             files: ["future.json": future])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("metric-learn: future.json: not a valid model file: 'formatVersion': 7 is newer"))
        #expect(result.stderr.hasSuffix("upgrade MetricLearn\n"))
    }

    @Test func modelWithTheWrongShape() throws {
        let bad = ModelFixtures.weighted.replacingOccurrences(of: "\"rows\" : 3", with: "\"rows\" : 2")
        expectOneLine(try run("info bad.json", files: ["bad.json": bad]), status: 65,
                      "bad.json: not a valid model file: 'components.values': a 2×3 matrix cannot hold the 9 values found")
    }

    // MARK: 66 missing input

    @Test func missingInputFile() throws {
        expectOneLine(try run("fit whitening --mode total --shrinkage none --input nowhere.csv --output x.json"), status: 66, "nowhere.csv: no such file")
    }

    @Test func missingModelFile() throws {
        expectOneLine(try run("transform --metric nowhere.json --input iris.csv --output z.csv"), status: 66,
                      "nowhere.json: no such file")
        expectOneLine(try run("info nowhere.json"), status: 66, "nowhere.json: no such file")
    }

    @Test func inputIsADirectory() throws {
        expectOneLine(try run("fit whitening --mode total --shrinkage none --input . --output x.json"), status: 66, ".: is a directory, not a file")
    }

    // MARK: 73 output cannot be created

    @Test func outputDirectoryMissing() throws {
        let result = try run("fit whitening --mode total --shrinkage none --input iris.csv --output no/such/dir/m.json")
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("metric-learn: no/such/dir/m.json: cannot create a file in no/such/dir: "))
    }
}
