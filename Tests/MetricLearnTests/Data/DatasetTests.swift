import Foundation
import MetricLearn
import Testing

@Suite struct DatasetTests {
    let features = Matrix(rows: [[1, 2], [3, 4], [5, 6], [7, 8]])

    private func make() throws -> Dataset {
        try Dataset(features: features, labels: [1, 0, 1, 2], classNames: ["a", "b", "c"], featureNames: ["x", "y"])
    }

    @Test func countsAndShape() throws {
        let dataset = try make()
        #expect(dataset.sampleCount == 4)
        #expect(dataset.featureCount == 2)
        #expect(dataset.classCount == 3)
        #expect(dataset.classCounts == [1, 2, 1])
    }

    @Test func aClassMayHaveNoSamples() throws {
        let dataset = try Dataset(features: features, labels: [0, 0, 2, 2], classNames: ["a", "b", "c"],
                                  featureNames: ["x", "y"])
        #expect(dataset.classCounts == [2, 0, 2])
    }

    @Test func subsetKeepsNamesAndOrder() throws {
        let subset = try make().subset(rows: [3, 1, 1])
        #expect(subset.features == Matrix(rows: [[7, 8], [3, 4], [3, 4]]))
        #expect(subset.labels == [2, 0, 0])
        #expect(subset.classNames == ["a", "b", "c"])
        #expect(subset.featureNames == ["x", "y"])
        #expect(try make().subset(rows: []).sampleCount == 0)
    }

    @Test func labelCountMismatch() {
        #expect(throws: MetricLearnError.labelCountMismatch(sampleCount: 4, labelCount: 3)) {
            try Dataset(features: features, labels: [0, 1, 0], classNames: ["a", "b"], featureNames: ["x", "y"])
        }
    }

    @Test func featureNamesMustNameEachColumnOnce() {
        #expect(throws: MetricLearnError.invalidData(what: "featureNames", value: "3 names",
                                                     requirement: "must name each of the 2 feature columns once")) {
            try Dataset(features: features, labels: [0, 1, 0, 1], classNames: ["a", "b"], featureNames: ["x", "y", "z"])
        }
        #expect(throws: MetricLearnError.invalidData(what: "featureNames", value: "'x' twice",
                                                     requirement: "names must be distinct")) {
            try Dataset(features: features, labels: [0, 1, 0, 1], classNames: ["a", "b"], featureNames: ["x", "x"])
        }
    }

    @Test func classNamesMustBeDistinct() {
        #expect(throws: MetricLearnError.invalidData(what: "classNames", value: "'a' twice",
                                                     requirement: "names must be distinct")) {
            try Dataset(features: features, labels: [0, 1, 0, 1], classNames: ["a", "a"], featureNames: ["x", "y"])
        }
    }

    @Test(arguments: [-1, 2]) func labelsMustIndexClassNames(label: Int) {
        #expect(throws: MetricLearnError.invalidData(
            what: "labels", value: String(label), requirement: "must be a class index in 0..<2 (one per class name)")) {
            try Dataset(features: features, labels: [0, 1, label, 1], classNames: ["a", "b"], featureNames: ["x", "y"])
        }
    }

    @Test func jsonLayoutIsFlat() throws {
        let dataset = try Dataset(features: Matrix(rows: [[0.5, 2], [1, 3]]), labels: [1, 0],
                                  classNames: ["a", "b"], featureNames: ["x", "y"])
        #expect(try sortedJSON(dataset) == #"{"classNames":["a","b"],"featureNames":["x","y"],"#
            + #""features":{"columns":2,"rows":2,"values":[0.5,2,1,3]},"labels":[1,0]}"#)
    }

    @Test func codableRoundTripIsExact() throws {
        let dataset = try Dataset(features: Matrix(rows: [[0.1, -0.0], [1e-300, 3]]), labels: [1, 0],
                                  classNames: ["a", "b"], featureNames: ["x", "y"])
        let decoded = try JSONDecoder().decode(Dataset.self, from: JSONEncoder().encode(dataset))
        #expect(decoded == dataset)
        #expect(decoded.features.elements.map(\.bitPattern) == dataset.features.elements.map(\.bitPattern))
    }

    @Test func decodingValidates() {
        let json = #"{"features":{"rows":1,"columns":1,"values":[1]},"labels":[5],"classNames":["a"],"featureNames":["x"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Dataset.self, from: Data(json.utf8)) }
    }
}
