import Foundation
import MetricLearn
import Testing

/// `--categorical`, `--ignore`, `--features`, `--impute`: a penguins-like table with text columns and
/// missing cells through `fit`, `info`, `transform`, `predict` and `evaluate`, checked against the library.
@Suite struct ColumnOptionsTests {
    /// A workspace holding `penguins.csv`.
    private static func withPenguins<T>(_ body: (Workspace) throws -> T) throws -> T {
        try Workspace.with { workspace in
            try workspace.write(Penguins.csv, to: "penguins.csv")
            return try body(workspace)
        }
    }

    /// `penguins.csv` as the command reads it with `Penguins.options`.
    private static func rawPenguins(in workspace: Workspace) throws -> RawDataset {
        try RawDataset(csvFile: workspace.path("penguins.csv"), labelColumn: .named("species"),
                       featureColumns: .allExcept(["id"]), categoricalColumns: .automatic, missingValues: .accept)
    }

    /// The library's preprocessor for `Penguins.options`, fitted on every row.
    private static func expectedPreprocessor(in workspace: Workspace) throws -> TablePreprocessor {
        try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(try rawPenguins(in: workspace))
    }

    /// The numbers of a CSV output, header and any label column dropped.
    private static func numbers(_ text: String, columns: Int) -> [[Double]] {
        text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).prefix(columns).compactMap { Double($0) }
        }
    }

    private static let featureNames = ["island=Biscoe", "island=Dream", "island=Torgersen", "bill_length_mm",
                                       "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex=female", "sex=male"]

    @Test func fitRecordsThePreprocessorAndInfoShowsIt() throws {
        try Self.withPenguins { workspace in
            let fit = try workspace.run("fit whitening --mode total --shrinkage none --input penguins.csv \(Penguins.options) --output w.json")
            #expect(fit.status == 0)
            #expect(fit.stderr.isEmpty)
            let lines = fit.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "preprocessing: 6 columns → 9 features (island: 3 categories, sex: 2 categories), "
                        + "10 missing cells filled (numbers: median, categories: most frequent)")
            #expect(lines.dropFirst().first?.hasPrefix("whitening: 42 samples × 9 features → ") == true)
            #expect(lines.last == "wrote w.json")

            let model = try ModelFile(contentsOfFile: workspace.path("w.json"))
            #expect(model.formatVersion == 2)
            #expect(model.metric.featureNames == Self.featureNames)
            #expect(model.inputColumnNames == ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                                               "body_mass_g", "sex"])
            #expect(model.tablePreprocessor == (try Self.expectedPreprocessor(in: workspace)))
            // Medians of the 40, 40, 41 and 40 present measurements; Biscoe (19 of 42) and male (20) are most frequent.
            #expect(model.tablePreprocessor?.imputation?.fills.map(\.value)
                    == [.category("Biscoe"), .number(44.8), .number((17.6 + 17.8) / 2), .number(199), .number(3925),
                        .category("male")])

            let info = try workspace.run("info w.json")
            #expect(info.status == 0)
            #expect(info.stdout.contains("\n  preprocessing  imputed (numbers: median, categories: most frequent) and "
                                         + "one-hot encoded (6 columns → 9 features)\n"))
            #expect(info.stdout.contains("\n  format         version 2, written by MetricLearn"))
            let table = info.stdout.components(separatedBy: "  input columns:\n").last ?? ""
            let rows = table.split(separator: "\n").map { $0.split(separator: "  ", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) } }
            #expect(rows.first == ["column", "kind", "fill", "categories"])
            #expect(rows.dropFirst(2).first == ["island", "categorical", "Biscoe", "Biscoe, Dream, Torgersen"])
            #expect(rows.dropFirst(3).first == ["bill_length_mm", "numeric", "44.8"])
            #expect(rows.last == ["sex", "categorical", "male", "female, male"])
        }
    }

    @Test func transformAppliesThePreprocessingThenTheMetric() throws {
        try Self.withPenguins { workspace in
            #expect(try workspace.run("fit nca \(Penguins.options) --input penguins.csv --output m.json").status == 0)
            let result = try workspace.run("transform --metric m.json --input penguins.csv --label-column species --output z.csv")
            #expect(result.status == 0)
            #expect(result.stdout == "wrote z.csv: 42 rows × 9 components\n")
            let text = try workspace.read("z.csv")
            #expect(text.hasPrefix((1...9).map { "component_\($0)" }.joined(separator: ",") + ",species\n"))
            #expect(text.split(separator: "\n").last?.hasSuffix(",Gentoo") == true)

            let model = try ModelFile(contentsOfFile: workspace.path("m.json"))
            let x = try #require(model.tablePreprocessor).transform(try Self.rawPenguins(in: workspace)).features
            let expected = try model.metric.transform(x)
            let actual = Self.numbers(text, columns: 9)
            #expect(actual.count == 42)
            for (row, values) in actual.enumerated() {
                #expect(values == expected.row(row), "row \(row)")
            }
        }
    }

    @Test func newFilesTakeUnseenCategoriesAsZerosAndTrainingFills() throws {
        try Self.withPenguins { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none \(Penguins.options) --input penguins.csv --output w.json").status == 0)
            // Columns in another order, no id or label, an island never seen, missing cells.
            try workspace.write("sex,body_mass_g,island,flipper_length_mm,bill_depth_mm,bill_length_mm\n"
                                + "female,3800,Anvers,190,18.1,39.0\nNA,,Biscoe,220,,47.5\n", to: "new.csv")
            let result = try workspace.run("transform --metric w.json --input new.csv --output z.csv")
            #expect(result.status == 0)
            let metric = try ModelFile(contentsOfFile: workspace.path("w.json")).metric
            // By hand: Anvers is no island indicator; the missing mass, depth and sex get 3925, 17.7 and male.
            let x = Matrix(rows: [[0, 0, 0, 39.0, 18.1, 190, 3800, 1, 0],
                                  [1, 0, 0, 47.5, (17.6 + 17.8) / 2, 220, 3925, 0, 1]])
            let expected = try metric.transform(x)
            let actual = Self.numbers(try workspace.read("z.csv"), columns: expected.columnCount)
            #expect(actual.count == 2)
            for (row, values) in actual.enumerated() {
                for (value, reference) in zip(values, expected.row(row)) { #expect(abs(value - reference) < 1e-9) }
            }

            let predict = try workspace.run("predict --train penguins.csv --label-column species --input new.csv "
                                            + "--metric w.json --output p.csv")
            #expect(predict.status == 0)
            #expect(predict.stdout == "wrote p.csv: 2 predictions (3 neighbours, uniform votes, in the metric of w.json)\n")
            let predictions = try workspace.read("p.csv").split(separator: "\n").map(String.init)
            #expect(predictions.count == 3 && predictions[0] == "prediction")
            // The library's classifier on the same preprocessed numbers.
            let file = try ModelFile(contentsOfFile: workspace.path("w.json"))
            let training = try #require(file.tablePreprocessor).transform(try Self.rawPenguins(in: workspace))
            let classifier = try KNearestNeighbors(neighborCount: 3).fit(training, metric: file.metric)
            let predicted = try classifier.predict(x).map { training.classNames[$0] }
            #expect(Array(predictions.dropFirst()) == predicted)
        }
    }

    @Test func predictUsesTheModelsPreprocessingOnTheTrainingFile() throws {
        try Self.withPenguins { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none \(Penguins.options) --input penguins.csv --output w.json").status == 0)
            // Refitted on this file, 'sex' (every cell missing) could not be imputed and Anvers would add a feature.
            try workspace.write("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\n"
                                + "Adelie,Anvers,38,18,190,3700,NA\nGentoo,Biscoe,47,15,217,5000,\n", to: "few.csv")
            try workspace.write("island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\n"
                                + "Biscoe,46,15.2,215,4900,male\n", to: "query.csv")
            let result = try workspace.run("predict --train few.csv --label-column species --input query.csv "
                                           + "--metric w.json --neighbors 1 --output p.csv")
            #expect(result.status == 0)
            #expect(try workspace.read("p.csv") == "prediction\nGentoo\n")
        }
    }

    @Test func modelFileRoundTripGivesIdenticalTransforms() throws {
        try Self.withPenguins { workspace in
            #expect(try workspace.run("fit lmnn \(Penguins.options) --input penguins.csv --output m.json").status == 0)
            let original = try workspace.data("m.json")
            let reread = try ModelFile(contentsOfFile: workspace.path("m.json"))
            #expect(try reread.jsonData() == original)
            try reread.write(toFile: workspace.path("copy.json"))
            #expect(try workspace.run("transform --metric m.json --input penguins.csv --output a.csv").status == 0)
            #expect(try workspace.run("transform --metric copy.json --input penguins.csv --output b.csv").status == 0)
            #expect(try workspace.data("a.csv") == workspace.data("b.csv"))
        }
    }

    @Test func withoutTableOptionsTheModelStaysVersionOne() throws {
        try Workspace.with { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none --input iris.csv --output plain.json").status == 0)
            let text = try workspace.read("plain.json")
            #expect(text.contains("\"formatVersion\" : 1,"))
            #expect(!text.contains("tablePreprocessor"))
            let plain = try ModelFile(contentsOfFile: workspace.path("plain.json"))
            #expect(try plain.jsonData() == Data(text.utf8))

            // --ignore alone only chooses columns: still numbers as written, still version 1.
            let ignoring = try workspace.run(["fit", "whitening", "--mode", "total", "--shrinkage", "none", "--input", "iris.csv", "--ignore", "sepal width (cm)",
                                              "--output", "three.json"])
            #expect(ignoring.status == 0)
            #expect(ignoring.stdout.hasPrefix("whitening: 150 samples × 3 features → 3 components"))
            let three = try ModelFile(contentsOfFile: workspace.path("three.json"))
            #expect(three.formatVersion == 1 && three.tablePreprocessor == nil)
            #expect(three.metric.featureNames == ["sepal length (cm)", "petal length (cm)", "petal width (cm)"])
        }
    }

    @Test(arguments: [
        ("", "penguins.csv: line 2, column 1: 'P001' in column 'id' is not a number; if the column holds categories, add "
            + "--categorical id (or --categorical auto)"),
        ("--label-column species --ignore id", "penguins.csv: line 2, column 3: 'Torgersen' in column 'island' is not a "
            + "number; if the column holds categories, add --categorical island (or --categorical auto)"),
        ("--label-column species --ignore id --categorical island sex",
         "penguins.csv: line 5, column 4: 'NA' is a missing or non-finite value; only finite numbers are accepted"),
        ("--label-column species --ignore id --categorical island --impute mean",
         "penguins.csv: line 2, column 8: 'male' in column 'sex' is not a number; if the column holds categories, add "
            + "--categorical sex (or --categorical auto)"),
    ])
    func strictWhereNotAskedOtherwise(options: String, message: String) throws {
        try Self.withPenguins { workspace in
            let result = try workspace.run("fit whitening --mode total --shrinkage none --input penguins.csv \(options) --output w.json")
            #expect(result.status == 65)
            #expect(result.stderr == "metric-learn: \(message)\n")
            #expect(!workspace.exists("w.json"))
        }
    }

    @Test func anAllMissingColumnIsADataErrorNamingIt() throws {
        try Workspace.with { workspace in
            try workspace.write("a,b,label\n1,NA,x\n2,,y\n3,NA,x\n4,nan,y\n", to: "empty.csv")
            let result = try workspace.run("fit whitening --mode total --shrinkage none --input empty.csv --impute mean --output w.json")
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("metric-learn: empty.csv: empty input: column 'b' has no values"))
            #expect(!workspace.exists("w.json"))
            // A constant needs no statistic.
            let constant = try workspace.run("fit whitening --mode total --shrinkage none --input empty.csv --impute constant --fill-value -1 --output w.json")
            #expect(constant.status == 0)
            let fills = try ModelFile(contentsOfFile: workspace.path("w.json")).tablePreprocessor?.imputation?.fills
            #expect(fills?.map(\.value) == [.number(-1), .number(-1)])
        }
    }

    @Test func aMissingInputColumnIsADataErrorNamingIt() throws {
        try Self.withPenguins { workspace in
            #expect(try workspace.run("fit whitening --mode total --shrinkage none \(Penguins.options) --input penguins.csv --output w.json").status == 0)
            try workspace.write("sex,island,flipper_length_mm,bill_depth_mm,bill_length_mm\nfemale,Dream,190,18.1,39.0\n",
                                to: "narrow.csv")
            for command in ["transform --metric w.json --input narrow.csv --output z.csv",
                            "predict --train penguins.csv --label-column species --metric w.json --input narrow.csv --output z.csv"] {
                let result = try workspace.run(command)
                #expect(result.status == 65)
                #expect(result.stderr.hasPrefix("metric-learn: narrow.csv: line 1: there is no column named 'body_mass_g'"))
                #expect(!workspace.exists("z.csv"))
            }
        }
    }

    @Test func aModelWithoutImputationRefusesMissingCellsInNewFiles() throws {
        try Self.withPenguins { workspace in
            // The header and the 36 complete rows: one-hot encoding without imputation.
            let complete = Penguins.csv.split(separator: "\n")
                .filter { !$0.contains("NA") && !$0.contains("NaN") && !$0.contains(",,") && !$0.hasSuffix(",") }
            #expect(complete.count == 37)
            try workspace.write(complete.joined(separator: "\n") + "\n", to: "complete.csv")
            let fit = try workspace.run("fit whitening --mode total --shrinkage none --input complete.csv --label-column species --ignore id "
                                        + "--categorical auto --output m.json")
            #expect(fit.status == 0)
            #expect(fit.stdout.hasPrefix("preprocessing: 6 columns → 9 features (island: 3 categories, sex: 2 categories)\n"))
            #expect(try ModelFile(contentsOfFile: workspace.path("m.json")).tablePreprocessor?.imputation == nil)
            let result = try workspace.run("transform --metric m.json --input penguins.csv --output z.csv")
            #expect(result.status == 65)
            #expect(result.stderr == "metric-learn: penguins.csv: line 5, column 4: 'NA' is a missing or non-finite value; "
                        + "only finite numbers are accepted\n")
        }
    }

    /// An identifier column found categorical by `auto` is refused (a forgotten one of 40 000 rows was killed by the
    /// kernel after one-hot encoding); named categorical, it is warned about.
    @Test func anIdentifierColumnReadAsCategoriesIsRefusedUnderAutoAndWarnedAboutWhenNamed() throws {
        try Self.withPenguins { workspace in
            let refusal = "metric-learn: penguins.csv: every value of categorical column 'id' is different, so one-hot "
                + "encoding would make a feature of each row; --categorical auto refuses it: leave it out with --ignore id, "
                + "or name it with --categorical id to encode it anyway\n"
            let auto = "--label-column species --categorical auto --impute median"
            for command in ["fit whitening --output w.json", "evaluate --learner euclidean"] {
                let result = try workspace.run("\(command) --input penguins.csv \(auto)")
                #expect(result.status == 65)
                #expect(result.stderr == refusal)
            }
            #expect(!workspace.exists("w.json"))
            let warning = "metric-learn: warning: penguins.csv: every value of categorical column 'id' is different, so "
                + "one-hot encoding makes a feature of each row; if it identifies rows, leave it out with --ignore\n"
            let options = "--label-column species --categorical id island sex --impute median"
            let fit = try workspace.run("fit whitening --mode total --shrinkage none --input penguins.csv \(options) --output w.json")
            #expect(fit.status == 0)
            #expect(fit.stderr == warning)
            #expect(fit.stdout.hasPrefix("preprocessing: 7 columns → 51 features (id: 42 categories, "))
            let evaluate = try workspace.run("evaluate --input penguins.csv \(options) --learner euclidean")
            #expect(evaluate.status == 0)
            #expect(evaluate.stderr == warning)
            // Nine distinct values are too few to call the column an identifier.
            try workspace.write((["id,x,label"] + (1...9).map { "i\($0),\($0),\($0 % 2)" }).joined(separator: "\n"),
                                to: "nine.csv")
            let nine = try workspace.run("fit whitening --mode total --shrinkage none --input nine.csv --categorical auto --output n.json")
            #expect(nine.status == 0)
            #expect(nine.stderr.isEmpty)
        }
    }

    @Test func constantImputationFillsCategoriesWithTheirOwnCategory() throws {
        try Self.withPenguins { workspace in
            let result = try workspace.run("fit whitening --mode total --shrinkage none --input penguins.csv --label-column species --ignore id "
                                           + "--categorical island sex --impute constant --fill-category unknown --output c.json")
            #expect(result.status == 0)
            let preprocessor = try #require(try ModelFile(contentsOfFile: workspace.path("c.json")).tablePreprocessor)
            #expect(preprocessor.preprocessing.imputer == Imputer(numbers: .constant(0), categories: .constant("unknown")))
            #expect(preprocessor.encoding.columns.last?.categories == ["female", "male", "unknown"])
        }
    }

    @Test func featureWeightsAreAlsoReportedPerColumn() throws {
        try Self.withPenguins { workspace in
            let result = try workspace.run("fit feature-weights \(Penguins.options) --input penguins.csv --output fw.json")
            #expect(result.status == 0)
            let file = try ModelFile(contentsOfFile: workspace.path("fw.json"))
            let weights = try #require(file.metric.featureWeights)
            let byFeature = Dictionary(uniqueKeysWithValues: weights.map { ($0.feature, $0.weight) })
            let island = (byFeature["island=Biscoe"] ?? 0) + (byFeature["island=Dream"] ?? 0)
                + (byFeature["island=Torgersen"] ?? 0)
            let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("column weights: ") })
            #expect(line.contains("island \(String(format: "%.4g", island))"))
            #expect(line.split(separator: ",").count == 6)

            let info = try workspace.run("info fw.json --top 2")
            #expect(info.status == 0)
            let columns = try #require(try file.tablePreprocessor?.columnWeights(weights)).prefix(2)
            let width = columns.map(\.column.count).max() ?? 0
            #expect(info.stdout.hasSuffix("  top column weights:\n"
                + columns.map { "    \($0.column.padding(toLength: width, withPad: " ", startingAt: 0))  "
                    + String(format: "%.4g", $0.weight) + "\n" }.joined()
                + "    … 4 more\n"))
        }
    }

    @Test func evaluateFitsThePreprocessingInEachFoldAsTheLibraryDoes() throws {
        try Self.withPenguins { workspace in
            let result = try workspace.run("evaluate --input penguins.csv \(Penguins.options) --learner euclidean "
                                           + "--learner whitening --json")
            #expect(result.status == 0)
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(objects.count == 2)
            #expect(objects.allSatisfy { $0["tablePreprocessing"] != nil })
            struct Folds: Decodable { let accuracyPerFold, balancedAccuracyPerFold: [Double] }
            let folds = try JSONDecoder().decode([Folds].self, from: Data(result.stdout.utf8))
            let raw = try Self.rawPenguins(in: workspace)
            for (learner, printed) in zip([nil, LearnerConfiguration.whitening(Whitening())], folds) {
                let pipeline = Pipeline(tablePreprocessing: TablePreprocessing(imputer: Imputer(numbers: .median)),
                                        scaler: StandardScaler(), learner: learner,
                                        classifier: KNearestNeighbors(neighborCount: 3))
                let expected = try crossValidate(pipeline, raw, folds: 5, seed: 0)
                #expect(printed.accuracyPerFold == expected.folds.map(\.accuracy))
                #expect(printed.balancedAccuracyPerFold == expected.folds.map(\.balancedAccuracy))
            }

            let table = try workspace.run("evaluate --input penguins.csv \(Penguins.options) --learner euclidean")
            #expect(table.stdout.hasPrefix("5-fold stratified cross-validation of 3-nearest neighbours on penguins.csv "
                + "(42 samples, 6 columns (2 categorical), 3 classes), imputed (numbers: median, categories: most "
                + "frequent) and one-hot encoded in each fold, standardised in each fold, seed 0\n"))
        }
    }

    @Test func evaluateOverAFoldsFileFitsThePreprocessingInEachGivenFold() throws {
        try Self.withPenguins { workspace in
            let testFold = (0..<42).map { $0 % 3 }
            try workspace.write(testFold.map(String.init).joined(separator: "\n"), to: "folds.txt")
            let result = try workspace.run("evaluate --input penguins.csv \(Penguins.options) --learner whitening "
                                           + "--folds-file folds.txt --json")
            #expect(result.status == 0)
            struct Folds: Decodable { let accuracyPerFold: [Double]; let folds: Int }
            let printed = try JSONDecoder().decode([Folds].self, from: Data(result.stdout.utf8))
            let pipeline = Pipeline(tablePreprocessing: TablePreprocessing(imputer: Imputer(numbers: .median)),
                                    scaler: StandardScaler(), learner: .whitening(Whitening()),
                                    classifier: KNearestNeighbors(neighborCount: 3))
            let expected = try crossValidate(pipeline, try Self.rawPenguins(in: workspace),
                                             splits: try StratifiedKFold.Fold.predefined(testFold: testFold))
            #expect(printed.first?.folds == 3)
            #expect(printed.first?.accuracyPerFold == expected.folds.map(\.accuracy))
        }
    }

    @Test func evaluateWithoutTableOptionsHasNoPreprocessingKey() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("evaluate --input iris.csv --learner euclidean --json")
            #expect(result.status == 0)
            #expect(!result.stdout.contains("tablePreprocessing"))
        }
    }

    @Test(arguments: [
        ("--features a b --ignore c",
         "--features and --ignore cannot be combined: --features lists every feature column"),
        ("--categorical auto island", "--categorical takes 'auto' or column names, not both"),
        ("--fill-value 1", "--fill-value 1 applies to --impute constant only"),
        ("--impute median --fill-value 1", "--fill-value 1 applies to --impute constant only"),
        ("--fill-category x", "--fill-category applies with --impute only"),
        ("--impute constant --fill-value nan", "--fill-value must be a finite number, not nan"),
    ])
    func conflictingOptionsAreUsageErrors(options: String, message: String) throws {
        for command in ["fit whitening --mode total --shrinkage none --input iris.csv --output m.json", "evaluate --input iris.csv --learner euclidean"] {
            let result = try Workspace.with { try $0.run("\(command) \(options)") }
            let name = command.split(separator: " ").prefix(command.hasPrefix("fit") ? 2 : 1).joined(separator: " ")
            #expect(result.status == 64)
            #expect(result.stderr == "metric-learn: \(message) (see 'metric-learn \(name) --help')\n")
        }
    }
}
