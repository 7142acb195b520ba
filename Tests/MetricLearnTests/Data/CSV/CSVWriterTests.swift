import Foundation
import MetricLearn
import Testing

@Suite struct CSVWriterTests {
    @Test func writesHeaderAndRowsQuotingOnlyWhereNeeded() {
        let text = CSVWriter().text([
            CSVColumn(name: "a", numbers: [1.5, -0.0, 1e-05, 0.1]),
            CSVColumn(name: "label, with comma", text: ["x", "say \"hi\"", "", " padded"]),
        ])
        #expect(text == "a,\"label, with comma\"\n1.5,x\n-0.0,\"say \"\"hi\"\"\"\n1e-05,\"\"\n0.1,\" padded\"\n")
    }

    @Test func everyDelimiterIsQuotedWhateverTheWritersDelimiter() {
        let text = CSVWriter(delimiter: .semicolon).text([
            CSVColumn(name: "a;b", numbers: [2]),
            CSVColumn(name: "c,d", text: ["line\nbreak"]),
        ])
        #expect(text == "\"a;b\";\"c,d\"\n2.0;\"line\nbreak\"\n")
        #expect(CSVWriter(delimiter: .tab).text([CSVColumn(name: "t\tab", text: ["x"])]) == "\"t\tab\"\nx\n")
        #expect(CSVWriter().text([CSVColumn(name: "t\tab", text: ["x;y"])]) == "\"t\tab\"\n\"x;y\"\n")
    }

    /// Found by the CSV fuzzer: a header name holding tabs, written unquoted by a comma writer, made the
    /// reader detect tab as the delimiter and split the header wrongly.
    @Test func namesHoldingAnotherDelimiterReadBackWithTheDelimiterDetected() throws {
        let columns = [CSVColumn(name: "w\t\t\tx", numbers: [1, 2]), CSVColumn(name: "y;z;u", numbers: [3, 4]),
                       CSVColumn(name: "label", text: ["p", "q"])]
        for delimiter in CSVDelimiter.allCases {
            let dataset = try Dataset(csvText: CSVWriter(delimiter: delimiter).text(columns))
            #expect(dataset.featureNames == ["w\t\t\tx", "y;z;u"])
            #expect(dataset.features == Matrix(rows: [[1, 3], [2, 4]]))
        }
    }

    /// Found by the CSV fuzzer: a file opening with two byte order marks has a first column name that
    /// starts with U+FEFF, which the reader dropped as a byte order mark when the writer left it unquoted.
    @Test func aNameStartingWithAByteOrderMarkIsQuoted() throws {
        let columns = [CSVColumn(name: "\u{FEFF}a", numbers: [1, 2]), CSVColumn(name: "label", text: ["p", "\u{FEFF}q"])]
        let text = CSVWriter().text(columns)
        #expect(text == "\"\u{FEFF}a\",label\n1.0,p\n2.0,\"\u{FEFF}q\"\n")
        let dataset = try Dataset(csvText: text)
        #expect(dataset.featureNames == ["\u{FEFF}a"])
        #expect(dataset.classNames == ["p", "\u{FEFF}q"])
    }

    /// Found by the CSV fuzzer: a quote followed by a combining mark (U+0619) is one Character, and
    /// doubling quotes Character by Character left it single, so the text could not be read back.
    @Test func aQuoteFollowedByACombiningMarkIsDoubled() throws {
        let name = "e\"\u{0619}x"
        let text = CSVWriter().text([CSVColumn(name: name, numbers: [1, 2]), CSVColumn(name: "label", text: ["\"\u{0301}", "b"])])
        #expect(Array(text.utf8.prefix(8)) == Array("\"e\"\"\u{0619}x\"".utf8))
        let dataset = try Dataset(csvText: text)
        #expect(dataset.featureNames == [name])
        #expect(dataset.classNames == ["\"\u{0301}", "b"])
    }

    @Test func nonFiniteNumbersAreWrittenAsWords() {
        let text = CSVWriter().text([CSVColumn(name: "v", numbers: [.nan, .infinity, -.infinity])])
        #expect(text == "v\nnan\ninf\n-inf\n")
    }

    @Test func noColumnsIsEmptyText() {
        #expect(CSVWriter().text([]).isEmpty)
        #expect(CSVWriter().data([CSVColumn(name: "a", numbers: [])]) == Data("a\n".utf8))
    }

    @Test func matrixColumns() {
        let columns = CSVColumn.columns(of: Matrix(rows: [[1, 2], [3, 4]]), names: ["p", "q"])
        #expect(columns == [CSVColumn(name: "p", numbers: [1, 3]), CSVColumn(name: "q", numbers: [2, 4])])
    }

    /// Doubles from random bit patterns: every exponent, subnormals, both signs.
    private func randomDoubles(count: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        var values: [Double] = [0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1, 1 / 3]
        while values.count < count {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        return values
    }

    @Test(arguments: [CSVDelimiter.comma, .semicolon, .tab])
    func roundTripGivesIdenticalBits(delimiter: CSVDelimiter) throws {
        let values = randomDoubles(count: 600, seed: 11)
        let features = Matrix(rowCount: 200, columnCount: 3, elements: values)
        let names = ["class, with comma", "say \"hi\"", "two\nlines", " padded", "plain"]
        let dataset = try Dataset(features: features, labels: (0..<200).map { $0 % 5 },
                                  classNames: names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) },
                                  featureNames: ["x;1", "x\t2", "x,3"])
        let text = CSVWriter(delimiter: delimiter).text(try dataset.csvColumns())
        let read = try Dataset(csvText: text, format: CSVFormat(delimiter: delimiter))
        #expect(read.features.elements.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(read == dataset)
    }

    @Test func unlabelledRoundTripWithAutomaticDelimiter() throws {
        let values = randomDoubles(count: 400, seed: 12)
        let table = try FeatureTable(features: Matrix(rowCount: 100, columnCount: 4, elements: values),
                                     featureNames: ["a", "b", "c", "d"])
        let read = try FeatureTable(csvData: CSVWriter().data(table.csvColumns))
        #expect(read.features.elements.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(read.featureNames == table.featureNames)
    }

    @Test func labelColumnNameMustNotBeAFeatureName() throws {
        let dataset = try Dataset(features: Matrix(rows: [[1]]), labels: [0], classNames: ["x"], featureNames: ["label"])
        #expect(throws: MetricLearnError.invalidParameter(name: "labelColumnName", value: "label",
                                                          requirement: "must differ from every feature name")) {
            try dataset.csvColumns()
        }
        #expect(CSVWriter().text(try dataset.csvColumns(labelColumnName: "class")) == "label,class\n1.0,x\n")
    }
}
