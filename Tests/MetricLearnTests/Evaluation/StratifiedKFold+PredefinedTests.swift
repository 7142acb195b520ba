import Foundation
import MetricLearn
import Testing

@Suite struct StratifiedKFoldPredefinedTests {
    @Test func foldsFollowTheFoldNumbers() throws {
        // scikit-learn: list(PredefinedSplit([1, 0, 2, 0, 1]).split()) gives test sets [1, 3], [0, 4], [2].
        let folds = try StratifiedKFold.Fold.predefined(testFold: [1, 0, 2, 0, 1])
        #expect(folds.map(\.testIndices) == [[1, 3], [0, 4], [2]])
        #expect(folds.map(\.trainIndices) == [[0, 2, 4], [1, 2, 3], [0, 1, 3, 4]])
    }

    @Test func badFoldNumbersNameTheSample() throws {
        #expect(throws: MetricLearnError.invalidParameter(name: "testFold", value: "[2] = -1",
                                                          requirement: "fold numbers must be integers ≥ 0")) {
            try StratifiedKFold.Fold.predefined(testFold: [0, 1, -1])
        }
        #expect(throws: MetricLearnError.invalidParameter(
            name: "testFold", value: "[1] = 2",
            requirement: "fold 2 is used but fold 1 holds no sample; number the folds 0, 1, …, k − 1")) {
            try StratifiedKFold.Fold.predefined(testFold: [0, 2, 0])
        }
        #expect(throws: MetricLearnError.emptyInput(what: "no fold numbers")) {
            try StratifiedKFold.Fold.predefined(testFold: [])
        }
    }

    /// A folds file saved by a spreadsheet starts with a byte order mark, as CSV files may; binary data names its line.
    @Test func aFoldsFileMayStartWithAByteOrderMarkButMustBeText() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("folds-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0xEF, 0xBB, 0xBF] + Array("1\r\n0\r\n1\r\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(try StratifiedKFold.Fold.predefined(foldsFile: path, sampleCount: 3).map(\.testIndices) == [[1], [0, 2]])
        try Data(Array("0\n1\n".utf8) + [0x00, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(throws: MetricLearnError.csv(line: 3, column: nil, reason: "not a text file: it contains a NUL byte (binary data?)")) {
            try StratifiedKFold.Fold.predefined(foldsFile: path, sampleCount: 3)
        }
    }
}
