import Foundation
import MetricLearn
import Testing

@Suite struct TrainingTableTests {
    /// A small table with an identifier, a text column, a missing cell and units far apart.
    static let shopCSV = """
        id,region,weight_g,length_m,label
        s01,north,1200,0.51,a
        s02,south,1350,0.48,a
        s03,north,1100,0.55,a
        s04,east,,0.50,a
        s05,south,1280,0.47,a
        s06,north,1420,0.52,a
        s07,east,3100,0.21,b
        s08,south,2950,0.25,b
        s09,north,3300,0.19,b
        s10,east,3050,0.23,b
        s11,south,2890,0.26,b
        s12,north,3200,0.22,b
        """

    private static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("training-table-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    @Test func fittingNumbersIsFittingTheDataset() throws {
        let iris = try Dataset.iris
        let fit = try TrainingTable(iris).fit(.nca(NCA(maxIterations: 5)))
        #expect(fit.metric.components == (try NCA(maxIterations: 5).fit(iris)).components)
        #expect(fit.tablePreprocessor == nil && fit.warnings.isEmpty)
        #expect(fit.trainingFeatures == iris.table && fit.supervision == .classLabels(iris.labels))
    }

    @Test func standardizingFoldsTheScalingIntoTheMetric() throws {
        let wine = try Dataset.wine
        let fit = try TrainingTable(wine).fit(.lmnn(LMNN(maxIterations: 5)), standardizing: true)
        let standardization = try StandardScaler().fit(wine.features)
        let standardized = try Dataset(features: try standardization.transform(wine.features), labels: wine.labels,
                                       classNames: wine.classNames, featureNames: wine.featureNames)
        let expected = try LMNN(maxIterations: 5).fit(standardized).composed(with: standardization)
        #expect(fit.metric.components == expected.components)
        #expect(fit.metric.report.details["standardized"] == 1)
        #expect(fit.warnings.isEmpty)
    }

    @Test func unitDependentLearnersAreWarnedAboutScales() throws {
        let table = TrainingTable(try Dataset.wine)
        let warnings = try table.fit(.featureReweighting(FeatureReweighting(method: .reliefF()))).warnings
        guard case let .featureScalesDiffer(learner, largest, smallest)? = warnings.first else {
            Issue.record("no scale warning: \(warnings)")
            return
        }
        #expect(learner == "feature-weights" && largest.feature == "proline" && smallest.feature == "nonflavanoid_phenols")
        #expect(largest.standardDeviation / smallest.standardDeviation > TrainingTable.scaleWarningRatio)
        // Whitening without shrinkage is scale invariant: no warning.
        #expect(try table.fit(.whitening(Whitening(mode: .total, shrinkage: .none))).warnings.isEmpty)
    }

    /// A column of distinct values named categorical is warned about; found categorical automatically, it is refused
    /// (a forgotten id column of 40 000 rows would one-hot encode into 40 000² numbers).
    @Test func rawTablesArePreprocessedOnEveryRowAndWarnAboutIdentifiers() throws {
        let automatic = TableReading(categoricalColumns: .automatic, imputer: Imputer(numbers: .median))
        #expect(throws: MetricLearnError.refusedData(.identifierColumn(column: "id"))) {
            try Self.withFile(Self.shopCSV) { try TrainingTable(csvFile: $0, reading: automatic) }
        }
        let reading = TableReading(categoricalColumns: .named(["id", "region"]), imputer: Imputer(numbers: .median))
        let table = try Self.withFile(Self.shopCSV) { try TrainingTable(csvFile: $0, reading: reading) }
        #expect(table.warnings == [.identifierColumn(column: "id")])
        #expect(table.sampleCount == 12 && table.classCount == 2)
        guard case let .raw(raw, preprocessing) = table.contents else {
            Issue.record("not read as a raw table")
            return
        }
        #expect(preprocessing == reading.tablePreprocessing)
        let fit = try table.fit(.whitening(Whitening(mode: .withinClass, shrinkage: .ledoitWolf)))
        let preprocessor = try preprocessing.fit(raw)
        #expect(fit.tablePreprocessor == preprocessor)
        #expect(fit.trainingFeatures == (try preprocessor.transform(raw)).table)
        let file = try fit.modelFile()
        #expect(file.tablePreprocessor == preprocessor && file.metric == fit.metric)
    }

    @Test func numericReadingUsesTheStrictReader() throws {
        let csv = "a,b,label\n1,2,x\n2,1,x\n5,6,y\n6,5,y\n"
        let table = try Self.withFile(csv) { try TrainingTable(csvFile: $0) }
        #expect(table.contents == .numeric(try Dataset(csvText: csv)))
        #expect(TableReading().tablePreprocessing == nil)
        #expect(throws: MetricLearnError.self) {
            try Self.withFile("a,label\nNA,x\n1,y\n") { try TrainingTable(csvFile: $0) }
        }
    }

    @Test func crossValidationFitsThePreprocessingInsideEachFold() throws {
        let reading = TableReading(featureColumns: .allExcept(["id"]), categoricalColumns: .automatic,
                                   imputer: Imputer(numbers: .mean))
        let table = try Self.withFile(Self.shopCSV) { try TrainingTable(csvFile: $0, reading: reading) }
        let pipeline = Pipeline(classifier: KNearestNeighbors(neighborCount: 1))
        guard case let .raw(raw, preprocessing) = table.contents else {
            Issue.record("not read as a raw table")
            return
        }
        var expectedPipeline = pipeline
        expectedPipeline.tablePreprocessing = preprocessing
        let expected = try crossValidate(expectedPipeline, raw, folds: 3, seed: 1)
        #expect(try table.crossValidate(pipeline, folds: 3, seed: 1).folds.map(\.accuracy) == expected.folds.map(\.accuracy))
        let splits = try StratifiedKFold(foldCount: 3, seed: 1).folds(labels: raw.labels)
        #expect(try table.crossValidate(pipeline, splits: splits).folds.map(\.accuracy) == expected.folds.map(\.accuracy))
    }

    /// A label column where most rows have a class of their own looks continuous: a warning naming the column.
    @Test func continuousLabelsAreWarnedAbout() throws {
        let rows = (0..<30).map { "\($0 % 7),\(Double($0) / 8)" }.joined(separator: "\n")
        let table = try Self.withFile("a,size\n" + rows) { try TrainingTable(csvFile: $0) }
        #expect(table.warnings == [.continuousLabels(column: "size", classCount: 30, sampleCount: 30)])
        // Half the rows with a class of their own is not "most"; nine classes are too few to judge.
        let pairs = (0..<40).map { "\($0),c\($0 / 2)" }.joined(separator: "\n")
        #expect(try Self.withFile("a,label\n" + pairs) { try TrainingTable(csvFile: $0) }.warnings.isEmpty)
        let nine = (0..<9).map { "\($0),c\($0)" }.joined(separator: "\n")
        #expect(try Self.withFile("a,label\n" + nine) { try TrainingTable(csvFile: $0) }.warnings.isEmpty)
        #expect(TrainingTable(try Dataset(csvText: "a,size\n" + rows)).warnings
                    == [.continuousLabels(column: nil, classCount: 30, sampleCount: 30)])
    }
}

/// Tables read with numeric targets (`TableReading.task` `.regression`).
@Suite struct TrainingTableRegressionTests {
    private static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regression-table-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    private static let shopCSV = """
        size,region,price
        1,north,10
        2,south,21
        3,north,29
        4,,41
        5,south,52
        6,north,58
        """

    @Test func readingAndFittingTargets() throws {
        let csv = "a,b,y\n1,2,3\n2,1,4\n5,6,11\n6,5,12\n7,7,15\n"
        let table = try Self.withFile(csv) { try TrainingTable(csvFile: $0, reading: TableReading(task: .regression)) }
        #expect(table.contents == .numericTargets(try RegressionDataset(csvText: csv)))
        #expect(table.task == .regression && table.classCount == 0 && table.sampleCount == 5)
        let fit = try table.fit(.mlkr(MLKR(maxIterations: 3)), standardizing: true)
        #expect(fit.supervision == .regressionTargets([3, 4, 11, 12, 15]))
        #expect(fit.metric.report.details["standardized"] == 1)
        #expect(throws: MetricLearnError.unsupportedSupervision(learner: "nca", given: "regression targets",
                                                                accepted: ["class labels"])) {
            try table.fit(.nca(NCA()))
        }
    }

    @Test func rawTablesWithTargetsArePreprocessed() throws {
        let reading = TableReading(categoricalColumns: .automatic, imputer: Imputer(numbers: .median), task: .regression)
        let table = try Self.withFile(Self.shopCSV) { try TrainingTable(csvFile: $0, reading: reading) }
        guard case let .rawTargets(raw, preprocessing) = table.contents else {
            Issue.record("not read as a raw table with targets")
            return
        }
        #expect(raw.targets == [10, 21, 29, 41, 52, 58] && table.contents.rawTable == raw.table)
        let fit = try table.fit(.mlkr(MLKR(maxIterations: 2)))
        let preprocessor = try preprocessing.fit(raw.table)
        let features = try preprocessor.transform(raw.table)
        #expect(fit.tablePreprocessor == preprocessor && fit.trainingFeatures == features)
        let result = try table.crossValidate(RegressionPipeline(regressor: KNearestNeighbors(neighborCount: 2)),
                                             folds: 3, seed: 1)
        var expected = RegressionPipeline(regressor: KNearestNeighbors(neighborCount: 2))
        expected.tablePreprocessing = preprocessing
        #expect(result.folds.map(\.r2) == (try crossValidate(expected, raw, folds: 3, seed: 1)).folds.map(\.r2))
        #expect(result.seed == 1)
    }

    @Test func pipelinesOfTheOtherTaskAreRefused() throws {
        let regression = TrainingTable(try RegressionDataset.diabetes)
        #expect(throws: MetricLearnError.invalidParameter(
            name: "task", value: "classification",
            requirement: "must be the table's task (regression): read the table with TableReading.task .classification")) {
            try regression.crossValidate(Pipeline())
        }
        #expect(throws: MetricLearnError.self) { try TrainingTable(try Dataset.iris).crossValidate(RegressionPipeline()) }
    }

    @Test func modelFilesReadTrainingTargets() throws {
        let fit = try TrainingTable(try RegressionDataset.diabetes).fit(.mlkr(MLKR(componentCount: 2, maxIterations: 2)))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("diabetes-\(UUID()).csv").path
        try CSVWriter().data(try RegressionDataset.diabetes.table.csvColumns
                             + [CSVColumn(name: "label", numbers: try RegressionDataset.diabetes.targets)])
            .write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let training = try fit.modelFile().regressionTrainingData(csvFile: path)
        #expect(training == (try RegressionDataset.diabetes))
    }
}
