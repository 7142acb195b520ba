import Foundation
import MetricLearn
import Testing

/// Reading spreadsheets with text columns and missing cells; the strict numeric reader is unchanged
/// (its tests are in `CSVTableReaderTests` and `DatasetCSVTests`).
@Suite struct RawDatasetCSVTests {
    let text = """
        id,size,color,weight,label
        r1,1.5,red,10,a
        r2,2,blue,,b
        r3,NA,red,12,a
        r4,4,,13,b
        """

    @Test func automaticDetectionAndMissingCells() throws {
        let raw = try RawDataset(csvText: text, featureColumns: .allExcept(["id"]), missingValues: .accept)
        #expect(raw.classNames == ["a", "b"])
        #expect(raw.labels == [0, 1, 0, 1])
        #expect(raw.table.columns == [
            RawColumn(name: "size", numbers: [1.5, 2, nil, 4]),
            RawColumn(name: "color", categories: ["red", "blue", "red", nil]),
            RawColumn(name: "weight", numbers: [10, nil, 12, 13]),
        ])
    }

    @Test func missingCellsAreErrorsUnlessAccepted() {
        #expect(throws: MetricLearnError.csv(line: 3, column: 4, reason: "empty cell: a number is missing")) {
            try RawDataset(csvText: text, featureColumns: .allExcept(["id"]))
        }
        #expect(throws: MetricLearnError.csv(line: 3, column: 2, reason: "empty cell: a category is missing")) {
            try RawDataset(csvText: "a,c,label\n1,u,x\n2,,y\n")
        }
        #expect(throws: MetricLearnError.csv(
            line: 3, column: 2,
            reason: "'NA' marks a missing category; missing values are refused unless they are to be imputed")) {
            try RawDataset(csvText: "a,c,label\n1,u,x\n2,NA,y\n")
        }
        #expect(throws: MetricLearnError.csv(
            line: 2, column: 1, reason: "'nan' is a missing or non-finite value; only finite numbers are accepted")) {
            try RawTable(csvText: "a\nnan\n")
        }
    }

    @Test(arguments: ["", "NA", "n/a", "#N/A", "NaN", "null", "None", " na "])
    func missingMarkers(cell: String) throws {
        let table = try RawTable(csvText: "a,c\n\(cell),\(cell)\n1,u\n", missingValues: .accept)
        #expect(table.columns == [RawColumn(name: "a", numbers: [nil, 1]), RawColumn(name: "c", categories: [nil, "u"])])
    }

    @Test func infinitiesAreRefusedInNumericColumnsAndCategoriesInText() throws {
        #expect(throws: MetricLearnError.csv(
            line: 3, column: 1, reason: "'-inf' is infinite; only finite numbers or missing cells are accepted")) {
            try RawTable(csvText: "a\n1\n-inf\n", missingValues: .accept)
        }
        #expect(throws: MetricLearnError.csv(
            line: 2, column: 1, reason: "'1e999' is too large for a Double (it overflows to infinity)")) {
            try RawTable(csvText: "a\n1e999\n", missingValues: .accept, format: CSVFormat(nonFiniteValues: .accept))
        }
        let table = try RawTable(csvText: "c\nx\ninf\n")
        #expect(table.columns == [RawColumn(name: "c", categories: ["x", "inf"])])
    }

    @Test func explicitCategoricalColumnsKeepOthersStrict() throws {
        let table = try RawTable(csvText: "code,x\n1,2\n02,3\n", categoricalColumns: .named(["code"]))
        #expect(table.columns == [RawColumn(name: "code", categories: ["1", "02"]), RawColumn(name: "x", numbers: [2, 3])])
        #expect(throws: MetricLearnError.notANumber(line: 3, column: 2, columnName: "x", text: "three")) {
            try RawTable(csvText: "code,x\n1,2\n2,three\n", categoricalColumns: .named(["code"]))
        }
        #expect(throws: MetricLearnError.notANumber(line: 2, column: 1, columnName: "c", text: "u")) {
            try RawTable(csvText: "c\nu\n", categoricalColumns: .none)
        }
    }

    @Test func categoricalColumnNameErrors() {
        #expect(throws: MetricLearnError.csv(line: 1, column: nil,
                                             reason: "there is no column named 'z'; the columns are 'a', 'c', 'label'")) {
            try RawDataset(csvText: "a,c,label\n1,u,x\n", categoricalColumns: .named(["z"]))
        }
        #expect(throws: MetricLearnError.csv(
            line: 1, column: 3,
            reason: "column 'label' is not a feature column (it is the label column or not selected), so it cannot be categorical")) {
            try RawDataset(csvText: "a,c,label\n1,u,x\n", categoricalColumns: .named(["c", "label"]))
        }
        #expect(throws: MetricLearnError.invalidParameter(name: "categoricalColumns", value: "'c' twice",
                                                          requirement: "must name each column at most once")) {
            try RawDataset(csvText: "a,c,label\n1,u,x\n", categoricalColumns: .named(["c", "c"]))
        }
    }

    @Test func quotedCategoriesKeepTheirText() throws {
        let table = try RawTable(csvText: "c,d\n\"a, b\",\" x\"\nplain,\"say \"\"hi\"\"\"\n")
        #expect(table.columns == [RawColumn(name: "c", categories: ["a, b", "plain"]),
                                  RawColumn(name: "d", categories: [" x", "say \"hi\""])])
    }

    @Test func anAllMissingColumnIsNumeric() throws {
        let table = try RawTable(csvText: "a,b\n1,\n2,NA\n", missingValues: .accept)
        #expect(table.columns[1] == RawColumn(name: "b", numbers: [nil, nil]))
    }

    @Test func rowErrorsAreTheStrictReadersErrors() {
        #expect(throws: MetricLearnError.csv(line: 3, column: 3, reason: "expected 2 fields (as in the header), found 3")) {
            try RawTable(csvText: "a,c\n1,u\n2,v,extra\n")
        }
        #expect(throws: MetricLearnError.csv(line: 1, column: nil, reason: "the header is not followed by any data rows")) {
            try RawTable(csvText: "a,c\n")
        }
    }

    @Test func allExceptInTheStrictNumericReaders() throws {
        let dataset = try Dataset(csvText: "id,a,b,label\nr1,1,2,x\nr2,3,4,y\n", featureColumns: .allExcept(["id"]))
        #expect(dataset.featureNames == ["a", "b"])
        #expect(dataset.features == Matrix(rows: [[1, 2], [3, 4]]))
        let table = try FeatureTable(csvText: "id,a,label\nr1,1,x\n", columns: .allExcept(["label", "id"]))
        #expect(table.featureNames == ["a"])
        #expect(throws: MetricLearnError.csv(line: 1, column: nil,
                                             reason: "there is no column named 'ID'; the columns are 'id', 'a', 'label'")) {
            try Dataset(csvText: "id,a,label\nr1,1,x\n", featureColumns: .allExcept(["ID"]))
        }
        #expect(throws: MetricLearnError.csv(
            line: 1, column: nil, reason: "no feature columns: every column is the label column or an excluded one")) {
            try Dataset(csvText: "id,label\nr1,x\n", featureColumns: .allExcept(["id"]))
        }
    }

    @Test func manyDistinctCategoriesRepeatedInAnyOrder() throws {
        // 40 distinct names (past the interner's linear scan), each twice, interleaved, with missing markers.
        let names = (0..<40).map { "c\($0)" }
        let cells: [String?] = names.flatMap { [$0, nil] } + names.reversed().map { $0 } + [nil, "\"c3\""]
        let text = "c\n" + cells.map { $0 ?? "NA" }.joined(separator: "\n") + "\n"
        let table = try RawTable(csvText: text, missingValues: .accept)
        #expect(table.columns == [RawColumn(name: "c", categories: cells.dropLast() + ["c3"])])
        #expect(throws: MetricLearnError.csv(
            line: 3, column: 1, reason: "'NA' marks a missing category; missing values are refused unless they are to be imputed")) {
            try RawTable(csvText: text)
        }
    }
}
