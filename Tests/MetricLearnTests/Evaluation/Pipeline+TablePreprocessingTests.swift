import Foundation
import MetricLearn
import Testing

/// Table preprocessing as the first pipeline stage: fitted on each training fold only.
@Suite("Pipeline with table preprocessing")
struct PipelineTablePreprocessingTests {
    /// 45 penguin-like rows (15 per species) with missing measurements and sexes, drawn from a fixed seed.
    private let penguins: RawDataset

    init() throws {
        var generator = SeededGenerator(seed: 5)
        let species = [("Adelie", 38.8, 18.3, 190.0), ("Chinstrap", 48.8, 18.4, 196.0), ("Gentoo", 47.5, 15.0, 217.0)]
        let islands = ["Adelie": ["Torgersen", "Biscoe", "Dream"], "Chinstrap": ["Dream"], "Gentoo": ["Biscoe"]]
        var lines = ["species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,sex"]
        for (name, bill, depth, flipper) in species {
            for _ in 0..<15 {
                func measurement(_ mean: Double, _ spread: Double) -> String {
                    generator.nextUniform() < 0.1 ? "NA" : String(mean + spread * generator.nextGaussian())
                }
                let island = islands[name]![generator.nextIndex(below: islands[name]!.count)]
                let sex = generator.nextUniform() < 0.1 ? "" : (generator.nextUniform() < 0.5 ? "male" : "female")
                lines.append("\(name),\(island),\(measurement(bill, 2.5)),\(measurement(depth, 1)),"
                             + "\(measurement(flipper, 6)),\(sex)")
            }
        }
        penguins = try RawDataset(csvText: lines.joined(separator: "\n"), labelColumn: .named("species"),
                                  missingValues: .accept)
    }

    private let pipeline = Pipeline(tablePreprocessing: TablePreprocessing(imputer: Imputer(numbers: .median)),
                                    classifier: KNearestNeighbors(neighborCount: 3))

    @Test("the preprocessing is fitted on the training fold, then the other stages on its output")
    func composition() throws {
        let (train, test) = try penguins.stratifiedSplit(testFraction: 0.3, seed: 4)
        let fitted = try pipeline.fit(train)
        let preprocessor = try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(train)
        #expect(fitted.tablePreprocessor == preprocessor)
        #expect(fitted.tablePreprocessor != (try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(penguins)))

        var numericPipeline = pipeline
        numericPipeline.tablePreprocessing = nil
        let byHand = try numericPipeline.fit(try preprocessor.transform(train))
        let testFeatures = try preprocessor.transform(test)
        #expect(try fitted.predict(test.table) == byHand.predict(testFeatures.features))
        #expect(try fitted.features(of: test.table) == testFeatures.features)
        #expect(try fitted.predictProbabilities(test.table) == byHand.predictProbabilities(testFeatures.features))
        #expect(try fitted.transform(test.table) == byHand.transform(testFeatures.features))
        #expect(try fitted.accuracy(on: test) == byHand.accuracy(on: testFeatures))
        #expect(try fitted.report(on: test) == byHand.report(on: testFeatures))
        #expect(try fitted.accuracy(on: test) > 0.8)
    }

    @Test("cross-validation refits the preprocessing on every training fold")
    func crossValidationPerFold() throws {
        let result = try crossValidate(pipeline, penguins, folds: 3, seed: 2, maxConcurrency: 2)
        let folds = try StratifiedKFold(foldCount: 3, seed: 2).folds(labels: penguins.labels)
        for (fold, split) in zip(result.folds, folds) {
            let train = penguins.subset(rows: split.trainIndices), test = penguins.subset(rows: split.testIndices)
            let preprocessor = try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(train)
            var numericPipeline = pipeline
            numericPipeline.tablePreprocessing = nil
            let predicted = try numericPipeline.fit(try preprocessor.transform(train))
                .predict(try preprocessor.transform(test).features)
            #expect(fold.accuracy == (try ClassificationMetrics.accuracy(trueLabels: test.labels, predictedLabels: predicted)))
        }
        #expect(result.folds.map(\.testCount).reduce(0, +) == penguins.sampleCount)
    }

    @Test("cross-validation over given folds equals the seeded folds it replays; a reversed order reorders the folds")
    func crossValidationOverGivenFolds() throws {
        let folds = try StratifiedKFold(foldCount: 3, seed: 2).folds(labels: penguins.labels)
        let seeded = try crossValidate(pipeline, penguins, folds: 3, seed: 2)
        let given = try crossValidate(pipeline, penguins, splits: folds)
        #expect(given.folds.map(\.accuracy) == seeded.folds.map(\.accuracy))
        let reversed = try crossValidate(pipeline, penguins, splits: folds.reversed())
        #expect(reversed.folds.map(\.accuracy) == seeded.folds.map(\.accuracy).reversed())
        #expect(throws: MetricLearnError.self) { try crossValidate(pipeline, penguins, splits: []) }
    }

    @Test("a numeric raw table without preprocessing scores like the Dataset it came from")
    func numericRawTableWithoutPreprocessing() throws {
        let wine = try Dataset.wine
        let plain = Pipeline(classifier: KNearestNeighbors(neighborCount: 3))
        let fromRaw = try crossValidate(plain, try RawDataset(wine), folds: 3, seed: 1)
        let fromDataset = try crossValidate(plain, wine, folds: 3, seed: 1)
        #expect(fromRaw.folds.map(\.accuracy) == fromDataset.folds.map(\.accuracy))
        #expect(throws: MetricLearnError.invalidData(
            what: "columns", value: "'island' categorical",
            requirement: "must be numeric without table preprocessing (a TablePreprocessing one-hot encodes categories)")) {
            try plain.fit(penguins)
        }
    }

    @Test("a numeric Dataset with NaN cells is imputed by the first stage")
    func datasetWithMissingCells() throws {
        let text = "a,b,label\n1,NA,x\n1.2,5,x\n,5.5,x\n9,1,y\n9.5,NA,y\n10,1.5,y\n"
        let dataset = try Dataset(csvText: text, format: CSVFormat(nonFiniteValues: .accept))
        let imputing = Pipeline(tablePreprocessing: TablePreprocessing(imputer: Imputer()), scaler: nil,
                                classifier: KNearestNeighbors(neighborCount: 1))
        let fitted = try imputing.fit(dataset)
        #expect(fitted.tablePreprocessor?.imputation?.fills.map(\.value) == [.number(6.14), .number(3.25)])
        #expect(try fitted.accuracy(on: dataset) == 1)
        #expect(throws: MetricLearnError.self) { try Pipeline(scaler: nil).fit(dataset) }
    }

    @Test("grid search over imputation strategies refits the best on all rows")
    func gridSearch() throws {
        let candidates = pipeline.varying(\.tablePreprocessing, over: [
            TablePreprocessing(imputer: Imputer(numbers: .median)),
            TablePreprocessing(imputer: Imputer(numbers: .constant(0), categories: .constant("missing"))),
        ])
        let search = try GridSearch(candidates: candidates, folds: 3, seed: 0).fit(penguins)
        let best = search.best
        #expect(best.pipeline == candidates[search.ranking[0].candidateIndex])
        #expect(best.tablePreprocessor == (try best.pipeline.tablePreprocessing?.fit(penguins)))
    }

    @Test("Codable: a fitted pipeline keeps its preprocessor; older pipelines without one still decode")
    func codable() throws {
        let fitted = try pipeline.fit(penguins)
        let decoded = try JSONDecoder().decode(FittedPipeline.self, from: JSONEncoder().encode(fitted))
        #expect(decoded == fitted)
        #expect(try decoded.predict(penguins.table) == fitted.predict(penguins.table))

        var old = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Pipeline())) as? [String: Any] ?? [:]
        old["tablePreprocessing"] = nil
        let data = try JSONSerialization.data(withJSONObject: old)
        #expect(try JSONDecoder().decode(Pipeline.self, from: data) == Pipeline())
    }
}
