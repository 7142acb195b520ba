import Foundation
import MetricLearn
import Testing

/// `evaluate --folds-file`: given folds replace the stratified ones; malformed files name the line.
@Suite struct FoldsFileOptionTests {
    /// One `--json` object, decoded exactly (JSONSerialization can lose the last bit).
    struct Evaluation: Decodable {
        let accuracyPerFold, balancedAccuracyPerFold: [Double]
        let folds: Int
        let seed: UInt64
    }

    /// Iris's 150 rows in three folds by row number modulo 3 (fold 0: rows 0, 3, 6, …).
    static let foldNumbers = (0..<150).map { $0 % 3 }
    static let foldsText = foldNumbers.map(String.init).joined(separator: "\n") + "\n"

    @Test func foldsFileIsHonoured() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.foldsText, to: "folds.txt")
            let result = try workspace.run(
                "evaluate --input iris.csv --learner euclidean --learner whitening --folds-file folds.txt --seed 2 --json")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            let objects = try JSONDecoder().decode([Evaluation].self, from: Data(result.stdout.utf8))
            #expect(objects.count == 2)
            let splits = try StratifiedKFold.Fold.predefined(testFold: Self.foldNumbers)
            #expect(splits.map(\.testIndices) == (0..<3).map { fold in Array(stride(from: fold, to: 150, by: 3)) })
            for (object, learner) in zip(objects, [nil, LearnerConfiguration.whitening(Whitening())]) {
                let pipeline = Pipeline(scaler: StandardScaler(), learner: learner,
                                        classifier: KNearestNeighbors(neighborCount: 3))
                let reference = try crossValidate(pipeline, try Dataset.iris, splits: splits)
                #expect(object.accuracyPerFold == reference.folds.map(\.accuracy))
                #expect(object.balancedAccuracyPerFold == reference.folds.map(\.balancedAccuracy))
                #expect(object.folds == 3 && object.seed == 2)
            }
            // The stratified folds give other numbers: the file was not ignored.
            let stratified = try crossValidate(Pipeline(scaler: StandardScaler(), learner: nil,
                                                        classifier: KNearestNeighbors(neighborCount: 3)),
                                               try Dataset.iris, folds: 3, seed: 2)
            #expect(objects.first?.accuracyPerFold != stratified.folds.map(\.accuracy))
        }
    }

    @Test func tableHeaderNamesTheFoldsFile() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.foldsText.replacingOccurrences(of: "\n", with: "\r\n"), to: "folds.csv")
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --folds-file folds.csv")
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("cross-validation over the 3 folds in folds.csv of 3-nearest neighbours on iris.csv"))
        }
    }

    @Test(arguments: [(3, "x"), (2, "-1"), (3, "2.5"), (7, "")])
    func malformedValueNamesTheLine(line: Int, value: String) throws {
        var lines = Self.foldNumbers.map(String.init)
        lines[line - 1] = value
        try expectDataError(lines.joined(separator: "\n"), message: "line \(line): '\(value)' is not a fold number")
    }

    @Test func wrongRowCountNamesTheLine() throws {
        try expectDataError(Self.foldNumbers.dropLast().map(String.init).joined(separator: "\n"),
                            message: "line 150: expected 150 fold numbers (one per data row), found 149")
        try expectDataError(Self.foldsText + "1\n",
                            message: "line 151: expected 150 fold numbers (one per data row), found 151")
    }

    @Test func emptyFoldAndSingleFoldNameTheLine() throws {
        // Folds 0 and 2 only: fold 1 is empty, and line 3 (row 2) is the first in a fold above it.
        try expectDataError((0..<150).map { $0 % 3 == 1 ? "0" : "\($0 % 3)" }.joined(separator: "\n"),
                            message: "line 3: fold 2 is used but fold 1 holds no sample")
        try expectDataError(String(repeating: "0\n", count: 150),
                            message: "line 1: every sample is in fold 0, which leaves none to train on")
    }

    @Test func missingFileIsUnreadableInput() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --folds-file nothing.txt")
            #expect(result.status == 66)
            #expect(result.stderr.contains("nothing.txt: no such file"))
        }
    }

    @Test func foldsAndFoldsFileConflict() throws {
        try Workspace.with { workspace in
            try workspace.write(Self.foldsText, to: "folds.txt")
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --folds 3 --folds-file folds.txt")
            #expect(result.status == 64)
            #expect(result.stderr.contains("--folds and --folds-file cannot be combined"))
        }
    }

    private func expectDataError(_ text: String, message: String) throws {
        try Workspace.with { workspace in
            try workspace.write(text, to: "folds.txt")
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --folds-file folds.txt")
            #expect(result.status == 65)
            #expect(result.stderr.contains("folds.txt: \(message)"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}
