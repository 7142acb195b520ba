import Foundation
import MetricLearn
import Testing

/// What the CSV reader accepts and how it reads it. Error cases are in `CSVTableReaderTests`.
@Suite struct DatasetCSVTests {
    /// The dataset every "same table, other spelling" test must produce.
    let expected = (features: Matrix(rows: [[1, 2], [3, 4]]), labels: [0, 1], classNames: ["x", "y"],
                    featureNames: ["a", "b"])

    private func expectBasic(_ dataset: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(dataset.features == expected.features, sourceLocation: sourceLocation)
        #expect(dataset.labels == expected.labels, sourceLocation: sourceLocation)
        #expect(dataset.classNames == expected.classNames, sourceLocation: sourceLocation)
        #expect(dataset.featureNames == expected.featureNames, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "a,b,label\n1,2,x\n3,4,y\n",                         // plain LF
        "a,b,label\n1,2,x\n3,4,y",                           // no final line break
        "a,b,label\r\n1,2,x\r\n\r\n3,4,y\r\n",               // CRLF with a blank line
        "a,b,label\r1,2,x\r3,4,y\r",                         // old Mac CR
        "\u{FEFF}a,b,label\n1,2,x\n3,4,y\n",                 // UTF-8 byte order mark
        "\n\n  \na,b,label\n\n1,2,x\n   \n3,4,y\n\n\n",      // blank and all-space lines anywhere
        "a;b;label\n1;2;x\n3;4;y\n",                         // semicolons, detected
        "a\tb\tlabel\n1\t2\tx\n3\t4\ty\n",                   // tabs, detected
        " a , b ,label\n 1 , 2 , x \n3\t,\t4,y\n",           // spaces and tabs around fields
        "\"a\",\"b\",\"label\"\n\"1\",\" 2 \",\"x\"\n3,4,y\n", // quoted fields, quoted numbers
        "a,b,label\n1.0,2e0,x\n+3,0.4E1,y\n",                // other spellings of the numbers
    ])
    func sameTableInAnySpelling(text: String) throws {
        expectBasic(try Dataset(csvText: text))
    }

    @Test func bytesAndFilesReadTheSame() throws {
        let text = "a,b,label\n1,2,x\n3,4,y\n"
        expectBasic(try Dataset(csvData: Data(text.utf8)))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dataset-csv-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectBasic(try Dataset(csvFile: path))
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "\"name, with comma\",\"say \"\"hi\"\"\",label\n1,2,\"two\nlines\"\n3,4,\"a \"\"b\"\"\"\n5,6,\"a \"\"b\"\"\"\n"
        let dataset = try Dataset(csvText: text)
        #expect(dataset.featureNames == ["name, with comma", "say \"hi\""])
        #expect(dataset.classNames == ["a \"b\"", "two\nlines"])
        #expect(dataset.labels == [1, 0, 0])
        #expect(dataset.features == Matrix(rows: [[1, 2], [3, 4], [5, 6]]))
    }

    @Test func quotedAndUnquotedLabelsAreTheSameClass() throws {
        let dataset = try Dataset(csvText: "a,label\n1,x\n2,\"x\"\n3, x\n")
        #expect(dataset.classNames == ["x"])
        #expect(dataset.labels == [0, 0, 0])
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        // Detection would pick the comma (a tie) and find a ragged row.
        let dataset = try Dataset(csvText: "a,b;label\n1.5;x\n", format: CSVFormat(delimiter: .semicolon))
        #expect(dataset.featureNames == ["a,b"])
        #expect(dataset.features == Matrix(rows: [[1.5]]))
        #expect(dataset.classNames == ["x"])
    }

    @Test(arguments: [
        ("a,b;c;label\n1;3;x\n", ["a,b", "c"]),         // two semicolons beat one comma
        ("a;b,c,label\n2,3,x\n", ["a;b", "c"]),         // two commas beat one semicolon
        ("a,b;label\n1,2;x\n", ["a"]),                   // a tie goes to the comma: columns "a", "b;label"
        ("\"x,y\";b;label\n1;2;z\n", ["x,y", "b"]),      // delimiters inside quotes do not count
    ])
    func delimiterDetection(text: String, featureNames: [String]) throws {
        let dataset = try Dataset(csvText: text)
        #expect(dataset.featureNames == featureNames)
    }

    @Test func lineNumbersCountEveryLine() {
        // Lines: 1–2 blank, 3 header, 4–5 a record with a quoted line break, 6 blank, 7 a record, 8 blank, 9 bad.
        let text = "\n\r\na,label\r\n1,\"two\r\nlines\"\r\n\r\n2,y\r\n\r\nbad,z\r\n"
        #expect(throws: MetricLearnError.notANumber(line: 9, column: 1, columnName: "a", text: "bad")) {
            try Dataset(csvText: text)
        }
    }

    @Test func numbersAreCorrectlyRounded() throws {
        let cells = ["0.1", "-0.0", "1e-05", ".5", "5.", "1E3", "0.30000000000000004", "2.2250738585072014e-308",
                     "4.9e-324", "1.7976931348623157e308", "123456789012345678901234567890", "9007199254740993",
                     "0.000000000000000000000000000001", "1e23", "-7e-400"]
        // 2⁵³ + 1 rounds to even (2⁵³); the 30-digit integer to the nearest double; 4.9e-324 is the least subnormal.
        let expected: [Double] = [0.1, -0.0, 1e-05, 0.5, 5, 1000, 0.30000000000000004, 2.2250738585072014e-308,
                                  .leastNonzeroMagnitude, 1.7976931348623157e308, 123456789012345677877719597056,
                                  9007199254740992, 1e-30, 1e23, -0.0]
        let text = "v,label\n" + cells.map { "\($0),x\n" }.joined()
        let dataset = try Dataset(csvText: text)
        #expect(dataset.features.elements.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// Labels are class names exactly as written: `02` is not `2`, `+10` is not `10`. Integers are in numeric order,
    /// equal values by their text.
    @Test func integerLabelsAreOrderedNumericallyAndKeptAsWritten() throws {
        let dataset = try Dataset(csvText: "a,label\n1,10\n2,2\n3,-1\n4,02\n5,+10\n")
        #expect(dataset.classNames == ["-1", "02", "2", "+10", "10"])
        #expect(dataset.labels == [4, 2, 0, 1, 3])
        let padded = try Dataset(csvText: "a,label\n1,01\n2,02\n3,01\n")
        #expect(padded.classNames == ["01", "02"])
    }

    /// One rule whatever the labels: `1` and `01` are two classes with or without a text label beside them, and the
    /// integers come first, in numeric order.
    @Test func textLabelsAreOrderedByUnicodeScalarsAfterTheIntegers() throws {
        // "B" (U+0042) < "a" (U+0061) < "b" (U+0062) < "á" (U+00E1).
        let letters = try Dataset(csvText: "v,label\n1,b\n2,á\n3,B\n4,a\n")
        #expect(letters.classNames == ["B", "a", "b", "á"])
        #expect(letters.labels == [2, 3, 0, 1])
        let mixed = try Dataset(csvText: "v,label\n1,9\n2,10\n3,x\n4,01\n5,1\n")
        #expect(mixed.classNames == ["01", "1", "9", "10", "x"])
        #expect(mixed.labels == [2, 3, 4, 0, 1])
        let integers = try Dataset(csvText: "v,label\n1,9\n2,10\n4,01\n5,1\n")
        #expect(integers.classNames == ["01", "1", "9", "10"])
    }

    @Test func labelColumnChoice() throws {
        let byName = try Dataset(csvText: "a,species,b\n1,x,2\n3,y,4\n", labelColumn: .named("species"))
        #expect(byName.featureNames == ["a", "b"] && byName.classNames == ["x", "y"])
        let byIndex = try Dataset(csvText: "kind,a\nx,1\ny,2\n", labelColumn: .index(0))
        #expect(byIndex.featureNames == ["a"] && byIndex.labels == [0, 1])
        let last = try Dataset(csvText: "a,b,kind\n1,2,x\n")
        #expect(last.featureNames == ["a", "b"] && last.classNames == ["x"])
    }

    @Test func automaticLabelColumnPrefersTheColumnNamedLabel() throws {
        let dataset = try Dataset(csvText: "a,label,b\n1,x,2\n3,y,4\n")
        #expect(dataset.featureNames == ["a", "b"])
        #expect(dataset.features == Matrix(rows: [[1, 2], [3, 4]]))
        #expect(dataset.classNames == ["x", "y"])
    }

    @Test func selectedFeatureColumnsSkipOtherColumns() throws {
        let dataset = try Dataset(csvText: "id,a,b,label\nrow one,1,2,x\nrow two,3,4,y\n",
                                  featureColumns: .named(["b", "a"]))
        #expect(dataset.featureNames == ["b", "a"])
        #expect(dataset.features == Matrix(rows: [[2, 1], [4, 3]]))
    }

    @Test func acceptingNonFiniteValues() throws {
        let text = "v,label\nnan,a\n,b\n-inf,c\n1e999,d\nNA,e\nInfinity,f\n  ,g\n"
        let dataset = try Dataset(csvText: text, format: CSVFormat(nonFiniteValues: .accept))
        let values = dataset.features.elements
        #expect(values[0].isNaN && values[1].isNaN && values[4].isNaN && values[6].isNaN)
        #expect(values[2] == -.infinity && values[3] == .infinity && values[5] == .infinity)
    }
}
