import Foundation
import MetricLearn
import Testing

@Suite struct OneHotEncoderTests {
    let train = try! RawTable(columns: [
        RawColumn(name: "size", numbers: [1.5, 2, 3]),
        RawColumn(name: "island", categories: ["Dream", "Biscoe", "Dream"]),
        RawColumn(name: "sex", categories: ["male", "female", "female"]),
    ])

    @Test func categoriesInOrderAndReadableFeatureNames() throws {
        let encoding = try OneHotEncoder().fit(train)
        #expect(encoding.columns.map(\.categories) == [[], ["Biscoe", "Dream"], ["female", "male"]])
        #expect(encoding.featureNames == ["size", "island=Biscoe", "island=Dream", "sex=female", "sex=male"])
        let encoded = try encoding.transform(train)
        #expect(encoded.featureNames == encoding.featureNames)
        #expect(encoded.features == Matrix(rows: [[1.5, 0, 1, 0, 1], [2, 1, 0, 1, 0], [3, 0, 1, 1, 0]]))
    }

    @Test func unseenCategoriesEncodeAsAllZeros() throws {
        let encoding = try OneHotEncoder().fit(train)
        let new = try RawTable(columns: [
            RawColumn(name: "size", numbers: [4, 5]),
            RawColumn(name: "island", categories: ["Torgersen", "Biscoe"]),
            RawColumn(name: "sex", categories: ["female", "unknown"]),
        ])
        #expect(try encoding.transform(new).features == Matrix(rows: [[4, 0, 0, 1, 0], [5, 1, 0, 0, 0]]))
    }

    @Test func categoryOrderIsUnicodeScalarOrder() throws {
        let table = try RawTable(columns: [RawColumn(name: "c", categories: ["b", "B", "a", "É", "E"])])
        #expect(try OneHotEncoder().fit(table).columns[0].categories == ["B", "E", "a", "b", "É"])
    }

    @Test func missingCellsAreErrorsNamingThePlace() throws {
        let table = try RawTable(columns: [RawColumn(name: "x", numbers: [1, 2]),
                                           RawColumn(name: "sex", categories: ["f", nil])])
        #expect(throws: MetricLearnError.missingValue(row: 1, column: "sex")) { try OneHotEncoder().fit(table) }
        let encoding = try OneHotEncoder().fit(table.subset(rows: [0]))
        let numericGap = try RawTable(columns: [RawColumn(name: "x", numbers: [nil]), RawColumn(name: "sex", categories: ["f"])])
        #expect(throws: MetricLearnError.missingValue(row: 0, column: "x")) { try encoding.transform(numericGap) }
        #expect(MetricLearnError.missingValue(row: 1, column: "sex").description
            == "missing value at row 1 of column 'sex'; impute missing values (an Imputer) to use such rows")
    }

    @Test func clashingFeatureNamesAreAnError() throws {
        let table = try RawTable(columns: [RawColumn(name: "c=a", numbers: [1]), RawColumn(name: "c", categories: ["a"])])
        #expect(throws: MetricLearnError.invalidData(what: "featureNames", value: "'c=a' twice",
                                                     requirement: "names must be distinct")) {
            try OneHotEncoder().fit(table)
        }
    }

    @Test func transformChecksColumns() throws {
        let encoding = try OneHotEncoder().fit(train)
        #expect(throws: MetricLearnError.invalidData(what: "columns", value: "'size', 'island'",
                                                     requirement: "must be the columns seen at fit time, in order: 'size', 'island', 'sex'")) {
            try encoding.transform(RawTable(columns: Array(train.columns.prefix(2))))
        }
    }

    @Test func codableRoundTripAndValidation() throws {
        let encoding = try OneHotEncoder().fit(train)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(encoding), as: UTF8.self)
        #expect(json == #"{"columns":[{"kind":"numeric","name":"size"},"#
            + #"{"categories":["Biscoe","Dream"],"kind":"categorical","name":"island"},"#
            + #"{"categories":["female","male"],"kind":"categorical","name":"sex"}],"encoder":{}}"#)
        #expect(try JSONDecoder().decode(OneHotEncoding.self, from: Data(json.utf8)) == encoding)
        for bad in [#"{"columns":[{"kind":"categorical","name":"c","categories":["a","a"]}],"encoder":{}}"#,
                    #"{"columns":[{"kind":"categorical","name":"c","categories":[]}],"encoder":{}}"#,
                    #"{"columns":[{"kind":"numeric","name":"c","categories":["a"]}],"encoder":{}}"#,
                    #"{"columns":[{"kind":"numeric","name":"c=a"},{"kind":"categorical","name":"c","categories":["a"]}],"encoder":{}}"#,
                    // Two columns called c (distinct feature names c=a and c=b, but a file cannot have both).
                    #"{"columns":[{"kind":"categorical","name":"c","categories":["a"]},{"kind":"categorical","name":"c","categories":["b"]}],"encoder":{}}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(OneHotEncoding.self, from: Data(bad.utf8)) }
        }
    }
}
