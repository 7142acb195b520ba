import Foundation
import MetricLearn
import Testing

@Suite struct RawTableTests {
    let columns = [RawColumn(name: "x", numbers: [1, nil, 3]), RawColumn(name: "c", categories: ["a", "b", nil])]

    @Test func validatingInitializer() throws {
        let table = try RawTable(columns: columns)
        #expect(table.rowCount == 3)
        #expect(table.columnNames == ["x", "c"])
        #expect(table.columns.map(\.kind) == [.numeric, .categorical])
        #expect(table.column(named: "c")?.missingRows == [2])
        #expect(table.column(named: "y") == nil)
    }

    @Test func initializerErrors() {
        #expect(throws: MetricLearnError.emptyInput(what: "no columns")) { try RawTable(columns: []) }
        #expect(throws: MetricLearnError.invalidData(what: "columns", value: "'c' with 2 cells",
                                                     requirement: "every column needs 3 cells, as 'x'")) {
            try RawTable(columns: [columns[0], RawColumn(name: "c", categories: ["a", "b"])])
        }
        #expect(throws: MetricLearnError.invalidData(what: "column names", value: "'x' twice",
                                                     requirement: "names must be distinct")) {
            try RawTable(columns: [columns[0], RawColumn(name: "x", categories: ["a", "b", "c"])])
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 1, column: 1)) {
            try RawTable(columns: [columns[1], RawColumn(name: "y", numbers: [0, .infinity, nil])])
        }
    }

    @Test func subsetKeepsColumnsAndMissingCells() throws {
        let subset = try RawTable(columns: columns).subset(rows: [2, 1, 2])
        #expect(subset.rowCount == 3)
        #expect(subset.columns == [RawColumn(name: "x", numbers: [3, nil, 3]),
                                   RawColumn(name: "c", categories: [nil, "b", nil])])
    }

    @Test func codableRoundTripAndLayout() throws {
        let table = try RawTable(columns: columns)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(table), as: UTF8.self)
        #expect(json == #"{"columns":[{"kind":"numeric","name":"x","values":[1,null,3]},"#
            + #"{"kind":"categorical","name":"c","values":["a","b",null]}]}"#)
        #expect(try JSONDecoder().decode(RawTable.self, from: Data(json.utf8)) == table)
        let uneven = #"{"columns":[{"kind":"numeric","name":"x","values":[1]},{"kind":"numeric","name":"y","values":[]}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RawTable.self, from: Data(uneven.utf8)) }
    }

    @Test func rawDatasetValidatesAndSplitsLikeDataset() throws {
        let table = try RawTable(columns: [RawColumn(name: "x", numbers: (0..<10).map { Double($0) })])
        let labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
        let raw = try RawDataset(table: table, labels: labels, classNames: ["a", "b"])
        let numeric = try Dataset(features: Matrix(rows: (0..<10).map { [Double($0)] }), labels: labels,
                                  classNames: ["a", "b"], featureNames: ["x"])
        let (rawTrain, rawTest) = try raw.stratifiedSplit(testFraction: 0.4, seed: 7)
        let (train, test) = try numeric.stratifiedSplit(testFraction: 0.4, seed: 7)
        #expect(rawTrain.table.columns[0] == RawColumn(name: "x", numbers: train.features.column(0)))
        #expect(rawTest.table.columns[0] == RawColumn(name: "x", numbers: test.features.column(0)))
        #expect(rawTest.labels == test.labels && rawTest.classNames == ["a", "b"])

        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 10, labelCount: 1)) {
            try RawDataset(table: table, labels: [0], classNames: ["a"])
        }
        #expect(throws: MetricLearnError.invalidData(what: "labels", value: "2",
                                                     requirement: "must be a class index in 0..<2 (one per class name)")) {
            try RawDataset(table: table, labels: labels.map { $0 * 2 }, classNames: ["a", "b"])
        }
        #expect(try JSONDecoder().decode(RawDataset.self, from: JSONEncoder().encode(raw)) == raw)
    }

    @Test func rawDatasetJSONLayout() throws {
        let raw = try RawDataset(table: RawTable(columns: [RawColumn(name: "c", categories: ["a", nil])]),
                                 labels: [1, 0], classNames: ["no", "yes"])
        #expect(try sortedJSON(raw) == #"{"classNames":["no","yes"],"labels":[1,0],"#
            + #""table":{"columns":[{"kind":"categorical","name":"c","values":["a",null]}]}}"#)
    }

    @Test func numericTablesConvertWithNaNAsMissing() throws {
        let dataset = try Dataset(csvText: "a,b,label\n1,NA,x\n,4,y\n", format: CSVFormat(nonFiniteValues: .accept))
        let raw = try RawDataset(dataset)
        #expect(raw.table.columns == [RawColumn(name: "a", numbers: [1, nil]), RawColumn(name: "b", numbers: [nil, 4])])
        #expect(raw.labels == [0, 1] && raw.classNames == ["x", "y"])
        let imputed = try TablePreprocessing(imputer: Imputer()).fit(raw).transform(raw)
        #expect(imputed.features == Matrix(rows: [[1, 4], [1, 4]]))

        let infinite = try FeatureTable(features: Matrix(rows: [[1, 2], [3, -.infinity]]), featureNames: ["a", "b"])
        #expect(throws: MetricLearnError.nonFiniteValue(row: 1, column: 1)) { try RawTable(infinite) }
    }
}
