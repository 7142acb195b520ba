import Foundation
import MetricLearn
import Testing

/// `fit --standardize` (LearnerFit with FitInputOptions.standardize) and the warning that suggests it, checked
/// against the library's standardizing `Pipeline`.
@Suite struct FitStandardizeTests {
    /// Iris with its first column in thousandths of a centimetre (standard deviations 825 and 0.43).
    private static func withScaledIris<T>(_ body: (Workspace) throws -> T) throws -> T {
        try Workspace.with { workspace in
            let lines = try workspace.read("iris.csv").split(separator: "\n")
            let scaled = lines.dropFirst().map { line in
                var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                cells[0] = "\(Int(((Double(cells[0]) ?? 0) * 10).rounded()) * 100)"
                return cells.joined(separator: ",")
            }
            try workspace.write(([String(lines[0])] + scaled).joined(separator: "\n") + "\n", to: "scaled.csv")
            return try body(workspace)
        }
    }

    /// The numbers of a CSV output, header and label column dropped.
    private static func numbers(_ text: String, columns: Int) -> [[Double]] {
        text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).prefix(columns).compactMap { Double($0) }
        }
    }

    /// The `prediction` column of a predict output.
    private static func predictions(_ text: String) -> [String] {
        text.split(separator: "\n").dropFirst().map(String.init)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func ncaOnMixedUnitsPredictsAsTheStandardizingPipeline() throws {
        try Self.withScaledIris { workspace in
            let fit = try workspace.run("fit nca --standardize --input scaled.csv --output m.json")
            #expect(fit.status == 0)
            #expect(fit.stderr.isEmpty)
            #expect(fit.stdout.hasPrefix("standardization: learned on standardised features, with the scaling folded "
                                         + "into the components (they apply to raw features)\nnca: 150 samples × 4 features"))
            let predict = try workspace.run("predict --train scaled.csv --input scaled.csv --metric m.json --output p.csv")
            #expect(predict.status == 0)

            let dataset = try Dataset(csvFile: workspace.path("scaled.csv"))
            let pipeline = try Pipeline(scaler: StandardScaler(), learner: .nca(NCA()),
                                        classifier: KNearestNeighbors(neighborCount: 3)).fit(dataset)
            let expected = try pipeline.predict(dataset.features).map { dataset.classNames[$0] }
            #expect(Self.predictions(try workspace.read("p.csv")) == expected)

            // The embedding is the pipeline's plus one constant row, L·S⁻¹·μ.
            #expect(try workspace.run("transform --metric m.json --input scaled.csv --output z.csv").status == 0)
            let embedded = Self.numbers(try workspace.read("z.csv"), columns: 4)
            let reference = try pipeline.transform(dataset.features)
            #expect(embedded.count == 150)
            let offset = zip(embedded[0], reference.row(0)).map { $0 - $1 }
            #expect(offset.map(abs).max() ?? 0 > 1)
            for (row, values) in embedded.enumerated() {
                for (c, value) in values.enumerated() {
                    #expect(abs(value - reference[row, c] - offset[c]) < 1e-9 * max(1, abs(offset[c])), "row \(row)")
                }
            }
        }
    }

    @Test func theModelFileKeepsVersionOneAndRecordsTheStandardization() throws {
        try Self.withScaledIris { workspace in
            #expect(try workspace.run("fit nca --standardize --input scaled.csv --output m.json").status == 0)
            let model = try json(workspace.read("m.json"))
            #expect(model["formatVersion"] as? Int == 1)
            #expect(Set(model.keys) == ["components", "configuration", "featureNames", "formatVersion", "learner",
                                        "libraryVersion", "report"])
            #expect(((model["report"] as? [String: Any])?["details"] as? [String: Any])?["standardized"] as? Double == 1)

            // The components are those learned on standardised features, column j divided by scale j.
            let dataset = try Dataset(csvFile: workspace.path("scaled.csv"))
            let standardization = try StandardScaler().fit(dataset.features)
            let learned = try NCA().fit(try standardization.transform(dataset.features), labels: dataset.labels)
            let file = try ModelFile(contentsOfFile: workspace.path("m.json"))
            #expect(file.metric.components == (try learned.composed(with: standardization)).components)

            let info = try workspace.run("info m.json")
            #expect(info.stdout.contains("\n  standardized   learned on standardised features, with the scaling folded "
                                         + "into the components (they apply to raw features)\n"))
            #expect(!info.stdout.contains("standardized = 1"))
        }
    }

    @Test(arguments: ["nca", "lmnn", "itml", "feature-weights", "feature-weights --method relieff",
                      "whitening --shrinkage ledoit-wolf", "whitening --component-count 2"])
    func scaleDependentFitsWarnWithoutTheFlag(_ learner: String) throws {
        try Self.withScaledIris { workspace in
            let plain = try workspace.run("fit \(learner) --input scaled.csv --output a.json")
            #expect(plain.status == 0)
            let name = learner.split(separator: " ")[0]
            #expect(plain.stderr.hasPrefix("metric-learn: warning: \(name) depends on the units of the features, and "
                                           + "their standard deviations differ by a factor of 1.9e+03 "
                                           + "('sepal length (cm)' 825, 'sepal width (cm)' 0.434); "
                                           + "--standardize learns on standardised features\n"))
            #expect(!plain.stdout.contains("standardization"))
            let standardized = try workspace.run("fit \(learner) --standardize --input scaled.csv --output b.json")
            #expect(standardized.status == 0)
            #expect(!standardized.stderr.contains("warning: \(name) depends on the units"))
        }
    }

    @Test(arguments: ["whitening --mode total --shrinkage none", "itml --prior covariance"])
    func scaleInvariantFitsDoNotWarn(_ learner: String) throws {
        try Self.withScaledIris { workspace in
            let plain = try workspace.run("fit \(learner) --input scaled.csv --output a.json")
            #expect(plain.status == 0)
            #expect(plain.stderr.isEmpty)
            // Invariant indeed: the same neighbours with and without standardising.
            #expect(try workspace.run("fit \(learner) --standardize --input scaled.csv --output b.json").status == 0)
            for model in ["a", "b"] {
                #expect(try workspace.run("predict --train scaled.csv --input scaled.csv --metric \(model).json "
                                          + "--probabilities --output \(model).csv").status == 0)
            }
            #expect(try workspace.read("a.csv") == (try workspace.read("b.csv")))
        }
    }

    @Test func irisInItsOwnUnitsDoesNotWarn() throws {
        try Workspace.with { workspace in
            let result = try workspace.run("fit nca --input iris.csv --output m.json")
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
        }
    }

    @Test func withTablePreprocessingTheModelHasVersionTwoAndPredictsAsThePipeline() throws {
        try Workspace.with { workspace in
            try workspace.write(Penguins.csv, to: "penguins.csv")
            let plain = try workspace.run("fit nca \(Penguins.options) --input penguins.csv --output plain.json")
            #expect(plain.stderr.contains("warning: nca depends on the units of the features"))
            #expect(plain.stderr.contains("('body_mass_g' 743, 'island=Torgersen' 0.35)"))

            let fit = try workspace.run("fit nca --standardize \(Penguins.options) --input penguins.csv --output m.json")
            #expect(fit.status == 0)
            #expect(fit.stderr.isEmpty)
            let lines = fit.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines.first?.hasPrefix("preprocessing: 6 columns → 9 features") == true)
            #expect(lines.dropFirst().first?.hasPrefix("standardization: ") == true)
            let model = try json(workspace.read("m.json"))
            #expect(model["formatVersion"] as? Int == 2)
            #expect(((model["report"] as? [String: Any])?["details"] as? [String: Any])?["standardized"] as? Double == 1)

            let predict = try workspace.run("predict --train penguins.csv --label-column species --input penguins.csv "
                                            + "--metric m.json --output p.csv")
            #expect(predict.status == 0)
            let raw = try RawDataset(csvFile: workspace.path("penguins.csv"), labelColumn: .named("species"),
                                     featureColumns: .allExcept(["id"]), categoricalColumns: .automatic,
                                     missingValues: .accept)
            let pipeline = try Pipeline(tablePreprocessing: TablePreprocessing(imputer: Imputer(numbers: .median)),
                                        scaler: StandardScaler(), learner: .nca(NCA()),
                                        classifier: KNearestNeighbors(neighborCount: 3)).fit(raw)
            let expected = try pipeline.predict(raw.table).map { raw.classNames[$0] }
            #expect(Self.predictions(try workspace.read("p.csv")) == expected)
        }
    }
}
