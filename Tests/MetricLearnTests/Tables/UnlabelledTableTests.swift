import Foundation
import MetricLearn
import Testing

@Suite struct UnlabelledTableTests {
    /// Records of two entities (rows 0–2 and 3–5), the identifier first, units far apart.
    static let recordsCSV = """
        record,weight_g,length_m,colour
        r1,1200,0.51,red
        r2,1250,0.50,red
        r3,1190,0.52,blue
        r4,3100,0.21,blue
        r5,3050,0.22,red
        r6,3000,0.20,blue
        """
    static let pairsCSV = "first,second,similar\nr1,r2,1\nr4,r5,1\nr2,r3,1\nr5,r6,1\nr1,r4,0\nr3,r6,0\nr2,r5,0\n"

    private static func withFiles<T>(_ body: (String, String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unlabelled-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("records.csv"), pairs = directory.appendingPathComponent("pairs.csv")
        try Data(recordsCSV.utf8).write(to: data)
        try Data(pairsCSV.utf8).write(to: pairs)
        return try body(data.path, pairs.path)
    }

    /// Every column but the identifier is a feature; the pairs name rows by identifier; the fit calibrates a
    /// threshold on the training pairs with the final metric, which the model file carries.
    @Test func fitsFromPairsAndCalibratesOnThem() throws {
        try Self.withFiles { data, pairsPath in
            let reading = TableReading(featureColumns: .allExcept(["colour"]))
            let table = try UnlabelledTable(csvFile: data, reading: reading, identifierColumn: "record")
            #expect(table.sampleCount == 6 && table.rows.row(named: "r5") == 4)
            let pairs = try PairList(csvFile: pairsPath, rows: table.rows)
            let constraints = try pairs.constraints()
            let fit = try table.fit(.itml(ITML()), supervision: .pairs(constraints), standardizing: true)
            #expect(fit.trainingFeatures.featureNames == ["weight_g", "length_m"])
            #expect(fit.metric.featureNames == ["weight_g", "length_m"])
            let threshold = try #require(fit.pairThreshold)
            let distances = try fit.metric.pairDistances(fit.trainingFeatures.features, pairs: pairs.pairs)
            let expected = try CalibrationStrategy.accuracy.threshold(distances: distances, similar: pairs.similar ?? [])
            #expect(threshold.distance == expected)
            #expect(threshold.calibration?.pairCount == 7 && threshold.calibration?.similarPairCount == 4)
            let file = try fit.modelFile()
            #expect(file.formatVersion == 3 && file.pairThreshold == threshold)
            let unscaled = try table.fit(.itml(ITML()), supervision: .pairs(constraints), calibration: nil)
            let unscaledFile = try unscaled.modelFile()
            #expect(unscaled.pairThreshold == nil && unscaledFile.formatVersion == 1)
            #expect(unscaled.warnings.contains { if case .featureScalesDiffer = $0 { true } else { false } })
        }
    }

    /// Categorical columns go through the table preprocessing; triplets give no threshold; class labels and
    /// learners of another kind are refused.
    @Test func preprocessesTripletsAndRefusesOtherSupervision() throws {
        try Self.withFiles { data, _ in
            let reading = TableReading(categoricalColumns: .named(["colour"]))
            let table = try UnlabelledTable(csvFile: data, reading: reading, identifierColumn: "record")
            let triplets = try TripletList(csvText: "anchor,positive,negative\nr1,r2,r4\nr4,r6,r3\n", rows: table.rows)
            let fit = try table.fit(.lmnn(LMNN(maxIterations: 5)), supervision: .triplets(triplets.constraints),
                                    standardizing: true)
            #expect(fit.pairThreshold == nil && fit.tablePreprocessor != nil)
            #expect(fit.metric.featureNames == ["weight_g", "length_m", "colour=blue", "colour=red"])
            #expect(throws: MetricLearnError.unsupportedSupervision(learner: "nca", given: "triplets",
                                                                    accepted: ["class labels"])) {
                try table.fit(.nca(NCA()), supervision: .triplets(triplets.constraints))
            }
            #expect(throws: MetricLearnError.unsupportedSupervision(learner: "itml", given: "class labels",
                                                                    accepted: ["class labels", "pairs"])) {
                try table.fit(.itml(ITML()), supervision: .classLabels([0, 0, 0, 1, 1, 1]))
            }
            #expect(throws: MetricLearnError.invalidParameter(name: "featureColumns", value: "'record'",
                                                              requirement: "the identifier column cannot also be a feature")) {
                try UnlabelledTable(csvFile: data, reading: TableReading(featureColumns: .named(["record"])),
                                    identifierColumn: "record")
            }
        }
    }
}
