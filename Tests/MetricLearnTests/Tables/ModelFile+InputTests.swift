import Foundation
import MetricLearn
import Testing

@Suite struct ModelFileInputTests {
    private static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("model-input-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    private let model: ModelFile

    init() throws {
        let metric = MahalanobisMetric(components: Matrix(rows: [[1, 0], [0, 2]]), featureNames: ["a", "b"],
                                       report: FitReport(learner: .whitening(Whitening())))
        model = ModelFile(metric: metric)
    }

    @Test func readsTheModelsColumnsByNameAndKeepsTheLabels() throws {
        let input = try Self.withFile("b,extra,a,label\n2,9,1,x\n4,9,3,y\n") { try model.input(csvFile: $0) }
        #expect(input.features == Matrix(rows: [[1, 2], [3, 4]]))
        #expect(input.labels == ["x", "y"])
    }

    @Test func withoutALabelColumnOnlyTheFeaturesAreRead() throws {
        // The last column is an input column, so it is not taken for labels.
        let input = try Self.withFile("a,b\n1,2\n3,4\n") { try model.input(csvFile: $0) }
        #expect(input.features == Matrix(rows: [[1, 2], [3, 4]]) && input.labels == nil)
    }

    @Test func aNamedLabelColumnMustExistAndAMissingInputColumnIsNamed() throws {
        #expect(throws: MetricLearnError.self) {
            try Self.withFile("a,b\n1,2\n") { try model.input(csvFile: $0, labelColumn: .named("species")) }
        }
        #expect {
            try Self.withFile("a,label\n1,x\n") { try model.input(csvFile: $0) }
        } throws: { error in
            "\(error)".contains("'b'")
        }
    }

    @Test func trainingDataIsReadByTheModelsColumns() throws {
        let training = try Self.withFile("label,b,a,c\nx,2,1,7\ny,4,3,8\n") {
            try model.trainingData(csvFile: $0, labelColumn: .named("label"))
        }
        #expect(training.features == Matrix(rows: [[1, 2], [3, 4]]) && training.featureNames == ["a", "b"])
        #expect(training.classNames == ["x", "y"])
    }
}
