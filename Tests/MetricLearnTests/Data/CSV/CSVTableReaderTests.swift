import Foundation
import MetricLearn
import Testing

/// Every way a CSV file can be wrong, with the exact line, column and reason of the error.
@Suite struct CSVTableReaderTests {
    private func error(reading text: String, labelColumn: LabelColumn = .automatic,
                       featureColumns: FeatureColumns = .all, format: CSVFormat = CSVFormat()) -> MetricLearnError? {
        do {
            _ = try Dataset(csvText: text, labelColumn: labelColumn, featureColumns: featureColumns, format: format)
            return nil
        } catch {
            return error
        }
    }

    private func error(reading bytes: [UInt8]) -> MetricLearnError? {
        do {
            _ = try Dataset(csvData: Data(bytes))
            return nil
        } catch {
            return error
        }
    }

    // MARK: Shape

    @Test func rowWithTooFewFields() {
        #expect(error(reading: "a,b,label\n1,2,x\n3,y\n")
            == .csv(line: 3, column: 3, reason: "expected 3 fields (as in the header), found 2"))
    }

    @Test func rowWithTooManyFields() {
        #expect(error(reading: "a,label\n1,x,extra\n")
            == .csv(line: 2, column: 3, reason: "expected 2 fields (as in the header), found 3"))
        #expect(error(reading: "a,label\n1,x,\n")
            == .csv(line: 2, column: 3, reason: "expected 2 fields (as in the header), found 3"))
    }

    @Test func emptyFile() {
        let expected = MetricLearnError.csv(line: 1, column: nil,
                                            reason: "the file is empty: a header row naming the columns is required")
        #expect(error(reading: "") == expected)
        #expect(error(reading: "\n \r\n\n") == expected)
        #expect(error(reading: "\u{FEFF}") == expected)
    }

    @Test func headerWithoutDataRows() {
        let expected = MetricLearnError.csv(line: 1, column: nil, reason: "the header is not followed by any data rows")
        #expect(error(reading: "a,label\n") == expected)
        #expect(error(reading: "a,label") == expected)
        #expect(error(reading: "\n\na,label\n\n\n")
            == .csv(line: 3, column: nil, reason: "the header is not followed by any data rows"))
    }

    // MARK: Header

    @Test func duplicatedColumnName() {
        #expect(error(reading: "a,b,a,label\n1,2,3,x\n")
            == .csv(line: 1, column: 3, reason: "duplicate column name 'a' (also column 1)"))
    }

    @Test func emptyColumnName() {
        #expect(error(reading: "a,,label\n1,2,x\n")
            == .csv(line: 1, column: 2, reason: "empty column name: the header must name every column"))
        #expect(error(reading: "a, \"\" ,label\n1,2,x\n")
            == .csv(line: 1, column: 2, reason: "empty column name: the header must name every column"))
    }

    @Test func labelColumnNameThatDoesNotExist() {
        #expect(error(reading: "a,b,label\n1,2,x\n", labelColumn: .named("species"))
            == .csv(line: 1, column: nil, reason: "there is no column named 'species'; the columns are 'a', 'b', 'label'"))
    }

    @Test func longColumnListsAreCut() {
        let header = (0..<14).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<14).map(String.init).joined(separator: ",")
        let shown = (0..<12).map { "'c\($0)'" }.joined(separator: ", ")
        #expect(error(reading: "\(header)\n\(row)\n", labelColumn: .named("label"))
            == .csv(line: 1, column: nil, reason: "there is no column named 'label'; the columns are \(shown), …"))
    }

    @Test(arguments: [3, -1]) func labelColumnIndexOutOfRange(index: Int) {
        #expect(error(reading: "a,b,label\n1,2,x\n", labelColumn: .index(index))
            == .csv(line: 1, column: nil,
                    reason: "label column index \(index) is out of range: the header has 3 columns (indices 0 to 2)"))
    }

    @Test func onlyALabelColumn() {
        #expect(error(reading: "label\nx\n")
            == .csv(line: 1, column: nil, reason: "no feature columns: the only column is the label column 'label'"))
    }

    @Test func featureColumnSelectionErrors() {
        #expect(error(reading: "a,b,label\n1,2,x\n", featureColumns: .named(["a", "z"]))
            == .csv(line: 1, column: nil, reason: "there is no column named 'z'; the columns are 'a', 'b', 'label'"))
        #expect(error(reading: "a,b,label\n1,2,x\n", featureColumns: .named(["a", "label"]))
            == .csv(line: 1, column: 3, reason: "column 'label' is the label column and cannot also be a feature"))
        #expect(error(reading: "a,b,label\n1,2,x\n", featureColumns: .named(["a", "a"]))
            == .invalidParameter(name: "featureColumns", value: "'a' twice", requirement: "must name each column at most once"))
        #expect(error(reading: "a,b,label\n1,2,x\n", featureColumns: .named([]))
            == .invalidParameter(name: "featureColumns", value: "[]", requirement: "must name at least one column"))
    }

    // MARK: Cells

    @Test func nonNumericCell() {
        #expect(error(reading: "a,b,label\n1,2,x\n1,abc,x\n") == .notANumber(line: 3, column: 2, columnName: "b", text: "abc"))
        #expect(error(reading: "a,label\n0x1p3,x\n") == .notANumber(line: 2, column: 1, columnName: "a", text: "0x1p3"))
        #expect(error(reading: "a,label\n1 2,x\n") == .notANumber(line: 2, column: 1, columnName: "a", text: "1 2"))
    }

    @Test func longCellsAreQuotedCut() {
        let cell = String(repeating: "z", count: 50)
        #expect(error(reading: "a,label\n\(cell),x\n")
            == .notANumber(line: 2, column: 1, columnName: "a", text: cell))
        #expect(error(reading: "a,label\n\(cell),x\n")?.description
            == "line 2, column 1: '\(String(repeating: "z", count: 40))…' in column 'a' is not a number")
    }

    @Test func lineBreaksInQuotedCellsAreShownEscaped() {
        #expect(error(reading: "a,label\n\"1\n2\",x\n") == .notANumber(line: 2, column: 1, columnName: "a", text: "1\n2"))
        #expect(error(reading: "a,label\n\"1\n2\",x\n")?.description == "line 2, column 1: '1\\n2' in column 'a' is not a number")
    }

    @Test func decimalCommaGetsAHint() {
        #expect(error(reading: "a;label\n5,1;x\n")
            == .csv(line: 2, column: 1,
                    reason: "'5,1' is not a number (decimal commas are not supported: write 5.1, not 5,1)"))
    }

    @Test(arguments: ["1,,x", "1,   ,x", "1,\"\",x"]) func emptyCell(row: String) {
        #expect(error(reading: "a,b,label\n\(row)\n") == .csv(line: 2, column: 2, reason: "empty cell: a number is missing"))
    }

    @Test(arguments: ["nan", "NaN", "-nan", "inf", "-inf", "+Infinity", "-Infinity", "NA", "n/a", "#N/A", "null", "None"])
    func missingOrNonFiniteText(cell: String) {
        #expect(error(reading: "a,b,label\n1,\(cell),x\n")
            == .csv(line: 2, column: 2, reason: "'\(cell)' is a missing or non-finite value; only finite numbers are accepted"))
    }

    @Test(arguments: ["1e999", "-1e400", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"])
    func numberOverflowingToInfinity(cell: String) {
        let shown = cell.count > 40 ? String(cell.prefix(40)) + "…" : cell
        #expect(error(reading: "a,label\n\(cell),x\n")
            == .csv(line: 2, column: 1, reason: "'\(shown)' is too large for a Double (it overflows to infinity)"))
    }

    @Test func emptyLabel() {
        #expect(error(reading: "a,label\n1,x\n2,\n") == .csv(line: 3, column: 2, reason: "empty label: every row needs a class label"))
        #expect(error(reading: "a,label\n1,\"\"\n") == .csv(line: 2, column: 2, reason: "empty label: every row needs a class label"))
    }

    // MARK: Quoting

    @Test func unterminatedQuote() {
        #expect(error(reading: "a,label\n1,x\n2,\"y\n3,z\n")
            == .csv(line: 3, column: 2, reason: "unterminated quoted field: the quote that opens it is never closed"))
    }

    @Test func textAfterClosingQuote() {
        #expect(error(reading: "a,label\n\"1\"2,x\n")
            == .csv(line: 2, column: 1, reason: "unexpected text after the closing quote in '\"1\"2'"))
    }

    // MARK: Binary input

    @Test func nulBytes() {
        #expect(error(reading: Array("a,label\n1,x\n".utf8) + [0, 0, 7])
            == .csv(line: 3, column: nil, reason: "not a text CSV file: it contains a NUL byte (binary data?)"))
    }

    @Test(arguments: [
        [0xFF],                 // never valid
        [0xC0, 0xAF],           // overlong "/"
        [0xED, 0xA0, 0x80],     // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
        [0xE2, 0x82],           // truncated at the end
    ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(error(reading: Array("a,label\r\n".utf8) + bytes)
            == .csv(line: 2, column: nil, reason: "not a text CSV file: it contains bytes that are not valid UTF-8"))
    }

    @Test func validMultibyteTextIsFine() throws {
        let dataset = try Dataset(csvText: "größe (µm),label\n1,日本\n2,🌸\n")
        #expect(dataset.featureNames == ["größe (µm)"])
        #expect(dataset.classNames == ["日本", "🌸"])
    }

    // MARK: Files

    @Test func missingFile() {
        let path = "/nonexistent-directory-\(UUID().uuidString)/data.csv"
        #expect(throws: MetricLearnError.file(path: path, reason: "no such file")) { try Dataset(csvFile: path) }
    }

    @Test func directoryInsteadOfFile() {
        let path = FileManager.default.temporaryDirectory.path
        #expect(throws: MetricLearnError.file(path: path, reason: "is a directory, not a file")) {
            try FeatureTable(csvFile: path)
        }
    }

    @Test func errorDescriptionNamesThePlace() {
        #expect(error(reading: "a,label\nabc,x\n")?.description == "line 2, column 1: 'abc' in column 'a' is not a number")
    }
}
