import Foundation
import MetricLearn
import Testing

@Suite struct ImputerTests {
    /// x: 1, 2, 2, 7 and a missing cell: mean 3, median 2, most frequent 2.
    /// c: b, a, b, a, missing: a tie between a and b.
    let table = try! RawTable(columns: [
        RawColumn(name: "x", numbers: [1, 2, nil, 2, 7]),
        RawColumn(name: "c", categories: ["b", "a", "b", nil, "a"]),
    ])

    private func fills(_ imputer: Imputer) throws -> [Imputation.Value] {
        try imputer.fit(table).fills.map(\.value)
    }

    @Test func strategies() throws {
        #expect(try fills(Imputer()) == [.number(3), .category("a")])
        #expect(try fills(Imputer(numbers: .median)) == [.number(2), .category("a")])
        #expect(try fills(Imputer(numbers: .mostFrequent)) == [.number(2), .category("a")])
        #expect(try fills(Imputer(numbers: .constant(-1), categories: .constant("missing")))
            == [.number(-1), .category("missing")])
        #expect(try Imputer().fit(table).fills.map(\.column) == ["x", "c"])
    }

    @Test func evenMedianAndNumericTies() throws {
        let even = try RawTable(columns: [RawColumn(name: "x", numbers: [4, nil, 1, 3, 1, 4])])
        #expect(try Imputer(numbers: .median).fit(even).fills.map(\.value) == [.number(3)])
        #expect(try Imputer(numbers: .mostFrequent).fit(even).fills.map(\.value) == [.number(1)])
    }

    @Test func transformFillsOnlyMissingCells() throws {
        let filled = try Imputer(numbers: .median).fit(table).transform(table)
        #expect(filled.columns == [RawColumn(name: "x", numbers: [1, 2, 2, 2, 7]),
                                   RawColumn(name: "c", categories: ["b", "a", "b", "a", "a"])])
    }

    @Test func statisticsComeFromTheTrainingRowsOnly() throws {
        let train = try RawTable(columns: [RawColumn(name: "x", numbers: [1, 2, 3, nil])])
        let test = try RawTable(columns: [RawColumn(name: "x", numbers: [100, nil])])
        let filled = try Imputer().fit(train).transform(test)
        #expect(filled.columns == [RawColumn(name: "x", numbers: [100, 2])])
    }

    @Test func allMissingColumnIsAnErrorNamingIt() throws {
        let table = try RawTable(columns: [RawColumn(name: "ok", numbers: [1, 2]),
                                           RawColumn(name: "body_mass_g", numbers: [nil, nil])])
        let expected = MetricLearnError.emptyInput(
            what: "column 'body_mass_g' has no values (every cell is missing), so there is nothing to impute it from; "
                + "leave the column out or impute a constant")
        #expect(throws: expected) { try Imputer(numbers: .median).fit(table) }
        #expect(expected.description.hasPrefix("empty input: column 'body_mass_g' has no values"))
        let constant = try Imputer(numbers: .constant(0)).fit(table).transform(table)
        #expect(constant.columns[1] == RawColumn(name: "body_mass_g", numbers: [0, 0]))

        let categories = try RawTable(columns: [RawColumn(name: "sex", categories: [nil, nil])])
        #expect(throws: MetricLearnError.self) { try Imputer().fit(categories) }
    }

    @Test func fitAndTransformErrors() throws {
        #expect(throws: MetricLearnError.invalidParameter(name: "numbers", value: "constant(nan)",
                                                          requirement: "the fill value must be finite")) {
            try Imputer(numbers: .constant(.nan)).fit(table)
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no samples")) { try Imputer().fit(table.subset(rows: [])) }
        let imputation = try Imputer().fit(table)
        #expect(throws: MetricLearnError.invalidData(what: "columns", value: "'c', 'x'",
                                                     requirement: "must be the columns seen at fit time, in order: 'x', 'c'")) {
            try imputation.transform(RawTable(columns: table.columns.reversed()))
        }
        #expect(throws: MetricLearnError.invalidData(what: "columns", value: "'c' numeric",
                                                     requirement: "must be categorical, as at fit time")) {
            try imputation.transform(RawTable(columns: [table.columns[0], RawColumn(name: "c", numbers: [1, 2, 3, 4, 5])]))
        }
    }

    @Test func codableRoundTripAndLayout() throws {
        let imputation = try Imputer(numbers: .constant(0.5), categories: .mostFrequent).fit(table)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(imputation), as: UTF8.self)
        #expect(json == #"{"fills":[{"column":"x","kind":"numeric","value":0.5},{"column":"c","kind":"categorical","value":"a"}],"#
            + #""imputer":{"categories":{"strategy":"most-frequent"},"numbers":{"strategy":"constant","value":0.5}}}"#)
        #expect(try JSONDecoder().decode(Imputation.self, from: Data(json.utf8)) == imputation)
        for imputer in [Imputer(numbers: .mean), Imputer(numbers: .median, categories: .constant("?")),
                        Imputer(numbers: .mostFrequent)] {
            #expect(try JSONDecoder().decode(Imputer.self, from: JSONEncoder().encode(imputer)) == imputer)
        }
        let unknown = #"{"numbers":{"strategy":"mode"},"categories":{"strategy":"most-frequent"}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Imputer.self, from: Data(unknown.utf8)) }
    }
}
