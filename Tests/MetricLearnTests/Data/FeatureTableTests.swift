import Foundation
import MetricLearn
import Testing

@Suite struct FeatureTableTests {
    @Test func validatingInitializer() throws {
        let table = try FeatureTable(features: Matrix(rows: [[1, 2]]), featureNames: ["a", "b"])
        #expect(table.sampleCount == 1 && table.featureCount == 2)
        #expect(throws: MetricLearnError.invalidData(what: "featureNames", value: "1 names",
                                                     requirement: "must name each of the 2 feature columns once")) {
            try FeatureTable(features: Matrix(rows: [[1, 2]]), featureNames: ["a"])
        }
    }

    @Test func readsEveryColumnByDefault() throws {
        let table = try FeatureTable(csvText: "a,b\n1,2\n3.5,-4\n")
        #expect(table.featureNames == ["a", "b"])
        #expect(table.features == Matrix(rows: [[1, 2], [3.5, -4]]))
    }

    @Test func namedColumnsInTheGivenOrderIgnoringOthers() throws {
        let table = try FeatureTable(csvText: "id,a,label,b\nr1,1,setosa,2\nr2,3,virginica,4\n", columns: .named(["b", "a"]))
        #expect(table.featureNames == ["b", "a"])
        #expect(table.features == Matrix(rows: [[2, 1], [4, 3]]))
    }

    @Test func aLabelColumnIsJustAnotherColumn() {
        #expect(throws: MetricLearnError.notANumber(line: 2, column: 2, columnName: "label", text: "x")) {
            try FeatureTable(csvText: "a,label\n1,x\n")
        }
    }

    @Test func jsonLayout() throws {
        let table = try FeatureTable(features: Matrix(rows: [[0.5, 2]]), featureNames: ["a", "b"])
        #expect(try sortedJSON(table) == #"{"featureNames":["a","b"],"features":{"columns":2,"rows":1,"values":[0.5,2]}}"#)
    }

    @Test func codableRoundTrip() throws {
        let table = try FeatureTable(features: Matrix(rows: [[0.1, 2]]), featureNames: ["a", "b"])
        #expect(try JSONDecoder().decode(FeatureTable.self, from: JSONEncoder().encode(table)) == table)
        let bad = #"{"features":{"rows":1,"columns":2,"values":[1,2]},"featureNames":["a","a"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FeatureTable.self, from: Data(bad.utf8)) }
    }

    @Test func csvColumnsWriteEveryFeature() throws {
        let table = try FeatureTable(features: Matrix(rows: [[1, 2.5]]), featureNames: ["a", "b"])
        #expect(CSVWriter().text(table.csvColumns) == "a,b\n1.0,2.5\n")
    }
}
