import Foundation
import MetricLearn
import Testing

@Suite struct RawDatasetTablePreprocessorTests {
    /// Fitted on colour (categorical: blue, red) and a size with a missing cell (median 4).
    static func preprocessor() throws -> TablePreprocessor {
        let training = try RawDataset(csvText: "color,size,kind\nred,1,a\nblue,,b\nred,4,a\nblue,10,b\n",
                                      missingValues: .accept)
        return try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(training)
    }

    @Test func readsTheLabelAndTheTrainingColumnsByName() throws {
        let preprocessor = try Self.preprocessor()
        // Another column order, an extra id, a numeric-looking colour, an unseen one and a missing size.
        let new = try RawDataset(csvText: "id,size,kind,color\n1,NA,b,7\n2,3,a,red\n", labelColumn: .named("kind"),
                                 readingColumnsOf: preprocessor)
        #expect(new.classNames == ["a", "b"])
        #expect(new.labels == [1, 0])
        #expect(new.table.columnNames == ["color", "size"])
        #expect(new.table.columns.map(\.kind) == [.categorical, .numeric])
        let dataset = try preprocessor.transform(new)
        #expect(dataset.featureNames == ["color=blue", "color=red", "size"])
        #expect(dataset.features == Matrix(rows: [[0, 0, 4], [0, 1, 3]]))
    }

    @Test func aMissingColumnIsAnErrorNamingIt() throws {
        let preprocessor = try Self.preprocessor()
        do {
            _ = try RawDataset(csvText: "color,kind\nred,a\n", labelColumn: .named("kind"), readingColumnsOf: preprocessor)
            Issue.record("a file without 'size' was read")
        } catch {
            guard case let .csv(line, _, reason) = error else { Issue.record("unexpected \(error)"); return }
            #expect(line == 1)
            #expect(reason.hasPrefix("there is no column named 'size'"))
        }
    }
}
