import Foundation
import MetricLearn
import Testing

@Suite struct RegressionDatasetTests {
    @Test func readsNumericTargetsFromTheLabelColumn() throws {
        let data = try RegressionDataset(csvText: "a,b,price\n1,2,10.5\n3,4,-2\n5,6,1e3\n")
        #expect(data.targets == [10.5, -2, 1000] && data.featureNames == ["a", "b"])
        #expect(data.features == Matrix(rows: [[1, 2], [3, 4], [5, 6]]))
        let named = try RegressionDataset(csvText: "y,a\n1,2\n3,4\n", targetColumn: .named("y"))
        #expect(named.targets == [1, 3] && named.featureNames == ["a"])
    }

    @Test func aTargetThatIsNotANumberNamesItsLine() {
        let suffix = " (the label column holds regression targets)"
        #expect(throws: MetricLearnError.csv(line: 3, column: 2, reason: "'high' is not a number" + suffix)) {
            try RegressionDataset(csvText: "a,label\n1,2\n2,high\n")
        }
        #expect(throws: MetricLearnError.csv(line: 2, column: 2, reason: "empty cell: a number is missing" + suffix)) {
            try RegressionDataset(csvText: "a,label\n1,\n")
        }
        #expect(throws: MetricLearnError.csv(
            line: 3, column: 2, reason: "'NA' is a missing or non-finite value; only finite numbers are accepted" + suffix)) {
            try RawRegressionDataset(csvText: "a,label\n1,2\n2,NA\n", missingValues: .accept)
        }
    }

    @Test func partsThatDoNotFitAreRefused() {
        let x = Matrix(rows: [[1], [2]])
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 2, labelCount: 3)) {
            try RegressionDataset(features: x, targets: [1, 2, 3], featureNames: ["a"])
        }
        #expect(throws: MetricLearnError.invalidData(what: "targets", value: "[1] = nan", requirement: "must be finite numbers")) {
            try RegressionDataset(features: x, targets: [1, .nan], featureNames: ["a"])
        }
    }

    @Test func subsetsAndCodableRoundTrips() throws {
        let data = try RegressionDataset(csvText: "a,label\n1,10\n2,20\n3,30\n")
        let subset = data.subset(rows: [2, 0])
        #expect(subset.targets == [30, 10] && subset.features == Matrix(rows: [[3], [1]]))
        let decoded = try JSONDecoder().decode(RegressionDataset.self, from: try JSONEncoder().encode(data))
        #expect(decoded == data)
        let bad = Data(#"{"table":{"features":{"rows":1,"columns":1,"values":[1]},"featureNames":["a"]},"targets":[1,2]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RegressionDataset.self, from: bad) }
        let raw = try RawRegressionDataset(csvText: "a,c,label\n1,x,10\n2,y,20\n")
        #expect(raw.table.columns.map(\.kind) == [.numeric, .categorical] && raw.targets == [10, 20])
        #expect(try JSONDecoder().decode(RawRegressionDataset.self, from: try JSONEncoder().encode(raw)) == raw)
        #expect(try RegressionDataset(try RawRegressionDataset(data)) == data)
    }

    @Test func bundledDiabetesIsScikitLearnsTable() throws {
        let diabetes = try RegressionDataset.diabetes
        #expect(diabetes.sampleCount == 442 && diabetes.featureCount == 10)
        #expect(diabetes.featureNames == ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"])
        #expect(diabetes.targets.prefix(3) == [151, 75, 141] && diabetes.targets.min() == 25 && diabetes.targets.max() == 346)
        #expect(diabetes.features.row(0) == [59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87])
    }
}
