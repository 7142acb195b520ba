import Foundation
import MetricLearn
import Testing

/// A file a user might really feed in, and the exact error reading it as a labelled dataset must give.
struct HostileFile: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var labelColumn: LabelColumn = .automatic
    let expected: MetricLearnError

    var testDescription: String { name }

    init(_ name: String, _ text: String, labelColumn: LabelColumn = .automatic, _ expected: MetricLearnError) {
        self.init(name, bytes: Array(text.utf8), labelColumn: labelColumn, expected)
    }

    init(_ name: String, bytes: [UInt8], labelColumn: LabelColumn = .automatic, _ expected: MetricLearnError) {
        self.name = name
        self.bytes = bytes
        self.labelColumn = labelColumn
        self.expected = expected
    }

    static let refusingNonFinite = "is a missing or non-finite value; only finite numbers are accepted"

    static let all: [HostileFile] = [
        HostileFile("empty file", "",
                    .csv(line: 1, column: nil, reason: "the file is empty: a header row naming the columns is required")),
        HostileFile("only blank lines", "\n  \r\n\n",
                    .csv(line: 1, column: nil, reason: "the file is empty: a header row naming the columns is required")),
        HostileFile("header only", "a,b,label\n",
                    .csv(line: 1, column: nil, reason: "the header is not followed by any data rows")),
        HostileFile("short row", "a,b,label\n1,2,x\n3,y\n",
                    .csv(line: 3, column: 3, reason: "expected 3 fields (as in the header), found 2")),
        HostileFile("long row", "a,b,label\n1,2,x\n3,4,y,5\n",
                    .csv(line: 3, column: 4, reason: "expected 3 fields (as in the header), found 4")),
        HostileFile("stray text in a number column", "a,b,label\n1,2,x\n3,four,y\n",
                    .notANumber(line: 3, column: 2, columnName: "b", text: "four")),
        HostileFile("a decimal comma in a semicolon file", "a;b;label\n1;2,5;x\n",
                    .csv(line: 2, column: 2, reason: "'2,5' is not a number (decimal commas are not supported: write 5.1, not 5,1)")),
        HostileFile("empty cell", "a,b,label\n1,2,x\n,4,y\n",
                    .csv(line: 3, column: 1, reason: "empty cell: a number is missing")),
        HostileFile("NA marker", "a,b,label\n1,NA,x\n",
                    .csv(line: 2, column: 2, reason: "'NA' \(refusingNonFinite)")),
        HostileFile("nan text", "a,b,label\n1,nan,x\n",
                    .csv(line: 2, column: 2, reason: "'nan' \(refusingNonFinite)")),
        HostileFile("inf text", "a,b,label\n-inf,2,x\n",
                    .csv(line: 2, column: 1, reason: "'-inf' \(refusingNonFinite)")),
        HostileFile("a number too large for a Double", "a,b,label\n1,2,x\n1e400,2,y\n",
                    .csv(line: 3, column: 1, reason: "'1e400' is too large for a Double (it overflows to infinity)")),
        HostileFile("binary garbage with NUL bytes", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0xFF],
                    .csv(line: 1, column: nil, reason: "not a text CSV file: it contains a NUL byte (binary data?)")),
        HostileFile("Latin-1 text on the second line", bytes: Array("a,label\n".utf8) + [0x31, 0x2C, 0xE9, 0x0A],
                    .csv(line: 2, column: nil, reason: "not a text CSV file: it contains bytes that are not valid UTF-8")),
        HostileFile("an unterminated quote", "a,label\n1,\"x\n2,y\n",
                    .csv(line: 2, column: 2, reason: "unterminated quoted field: the quote that opens it is never closed")),
        HostileFile("a named label column that is missing", "a,b,class\n1,2,x\n", labelColumn: .named("species"),
                    .csv(line: 1, column: nil, reason: "there is no column named 'species'; the columns are 'a', 'b', 'class'")),
        HostileFile("a label column index past the end", "a,b,class\n1,2,x\n", labelColumn: .index(3),
                    .csv(line: 1, column: nil, reason: "label column index 3 is out of range: the header has 3 columns (indices 0 to 2)")),
        HostileFile("only a label column", "label\nx\n",
                    .csv(line: 1, column: nil, reason: "no feature columns: the only column is the label column 'label'")),
        HostileFile("an empty label", "a,label\n1,x\n2,\n",
                    .csv(line: 3, column: 2, reason: "empty label: every row needs a class label")),
        HostileFile("an unnamed column", "a,,label\n1,2,x\n",
                    .csv(line: 1, column: 2, reason: "empty column name: the header must name every column")),
        HostileFile("a repeated column name", "a,b,a,label\n1,2,3,x\n",
                    .csv(line: 1, column: 3, reason: "duplicate column name 'a' (also column 1)")),
    ]
}

/// Hostile input through the library: every bad file gives its typed, located error, whether it comes
/// as bytes or from disk; bad shapes at fit and transform time give theirs.
@Suite struct HostileInputTests {
    @Test(arguments: HostileFile.all)
    func readingRefusesWithTheLocatedError(_ file: HostileFile) throws {
        #expect(throws: file.expected) { try Dataset(csvData: Data(file.bytes), labelColumn: file.labelColumn) }
        let path = try temporaryFile(file.bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: file.expected) { try Dataset(csvFile: path, labelColumn: file.labelColumn) }
        if case let .csv(line, _, _) = file.expected {
            #expect(file.expected.description.hasPrefix("line \(line)"))
        }
    }

    @Test func missingOrUnreadableFilesNameThePath() throws {
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: MetricLearnError.file(path: "/nonexistent/data.csv", reason: "no such file")) {
            try Dataset(csvFile: "/nonexistent/data.csv")
        }
        #expect(throws: MetricLearnError.file(path: directory, reason: "is a directory, not a file")) {
            try FeatureTable(csvFile: directory)
        }
        let file = try temporaryFile(Array("a,label\n1,x\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(throws: MetricLearnError.file(path: file + "/inner.csv",
                                              reason: "no such file (a part of the path is not a directory)")) {
            try Dataset(csvFile: file + "/inner.csv")
        }
    }

    @Test(arguments: allLearners.indices)
    func aSingleClassIsRefusedByName(_ learner: Int) throws {
        let dataset = try Dataset(csvText: "a,b,label\n1,2,setosa\n3,5,setosa\n4,4,setosa\n")
        guard allLearners[learner].learnsFromClassLabels else {
            let constant = try RegressionDataset(csvText: "a,b,label\n1,2,7\n3,5,7\n4,4,7\n")
            #expect(throws: allLearners[learner].singleClassError(label: "7")) { try allLearners[learner].fit(constant) }
            return
        }
        #expect(throws: MetricLearnError.singleClass(label: "setosa")) { try allLearners[learner].fit(dataset) }
    }

    @Test func aClassSmallerThanLMNNNeedsIsRefusedByName() throws {
        let rows = (0..<8).map { "\($0),\($0 % 3),common" } + ["9,1,rare", "7,2,rare"]
        let dataset = try Dataset(csvText: "a,b,label\n" + rows.joined(separator: "\n"))
        #expect(throws: MetricLearnError.classTooSmall(label: "rare", count: 2, required: 4)) { try LMNN().fit(dataset) }
        #expect(throws: MetricLearnError.classTooSmall(label: "rare", count: 2, required: 3)) {
            try LMNN(neighborCount: 2).fit(dataset)
        }
        #expect(try LMNN(neighborCount: 1).fit(dataset).components.isFinite)
    }

    @Test(arguments: allLearners.indices)
    func mismatchedLabelCountsAreRefused(_ learner: Int) {
        let data = SyntheticData()
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 45, labelCount: 46)) {
            try allLearners[learner].fit(data.features, classes: data.labels + [0])
        }
    }

    /// A label index far beyond the classes used to size per-class arrays: 2⁶² samples' worth of memory,
    /// or an overflow trap for `Int.max`.
    @Test(arguments: [Int.max, 1 << 40])
    func aLabelIndexFarBeyondTheClassesIsRefused(_ label: Int) throws {
        let data = SyntheticData()
        var labels = data.labels
        labels[5] = label
        let expected = MetricLearnError.invalidData(
            what: "labels", value: String(label),
            requirement: "class labels are indices 0, 1, 2, … below 4194304 (the sample count or 2²², whichever is larger)")
        for learner in allLearners where learner.learnsFromClassLabels {
            #expect(throws: expected) { try learner.fit(data.features, labels: labels) }
        }
        #expect(throws: expected) { try KNearestNeighbors().fit(data.features, labels: labels) }
        #expect(throws: expected) { try StratifiedSplit().indices(labels: labels) }
        #expect(throws: expected) { try StratifiedKFold().folds(labels: labels) }
        #expect(throws: expected) { try RetrievalMetrics(points: data.features, labels: labels, k: 3) }
        labels[5] = (1 << 22) - 1
        #expect(try KNearestNeighbors().fit(data.features, labels: labels).classCount == 1 << 22)
    }

    /// Neighbour counts near `Int.max` overflowed `neighborCount + 1` (LMNN's class-size rule, ReliefF's
    /// list capacity) or asked for terabytes.
    @Test(arguments: [Int.max, 1 << 40])
    func aHugeNeighborCountIsRefusedNotATrap(_ count: Int) throws {
        let data = SyntheticData()
        #expect(throws: MetricLearnError.classTooSmall(label: "0", count: 15, required: count == .max ? .max : count + 1)) {
            try LMNN(neighborCount: count).fit(data.features, labels: data.labels)
        }
        let weights = try FeatureReweighting(method: .reliefF(neighborCount: count)).fit(data.features, labels: data.labels)
        let everyone = try FeatureReweighting(method: .reliefF(neighborCount: 44)).fit(data.features, labels: data.labels)
        #expect(weights.components == everyone.components)
    }

    @Test func datasetPartsThatDoNotFitAreRefused() {
        let x = Matrix(rows: [[1, 2], [3, 4], [5, 6]])
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 3, labelCount: 2)) {
            try Dataset(features: x, labels: [0, 1], classNames: ["a", "b"], featureNames: ["u", "v"])
        }
        #expect(throws: MetricLearnError.invalidData(what: "labels", value: "2",
                                                     requirement: "must be a class index in 0..<2 (one per class name)")) {
            try Dataset(features: x, labels: [0, 1, 2], classNames: ["a", "b"], featureNames: ["u", "v"])
        }
    }

    @Test(arguments: allLearners.indices)
    func transformingATableOfTheWrongWidthIsRefused(_ learner: Int) throws {
        let data = SyntheticData()
        let metric = try allLearners[learner].fit(data.features, classes: data.labels)
        let narrow = try FeatureTable(csvText: "a,b,c\n1,2,3\n")
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 4, actual: 3)) { try metric.transform(narrow.features) }
        let wide = try FeatureTable(csvText: "a,b,c,d,e\n1,2,3,4,5\n")
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 4, actual: 5)) { try metric.transform(wide.features) }
        let missing = try FeatureTable(csvText: "a,b,c,d\n1,2,3,4\n1,NA,3,4\n", format: CSVFormat(nonFiniteValues: .accept))
        #expect(throws: MetricLearnError.nonFiniteValue(row: 1, column: 1)) { try metric.transform(missing.features) }
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
