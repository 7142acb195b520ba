import Foundation
import MetricLearn
import Testing

/// The Palmer penguins case end to end: numeric columns with missing cells, text columns island and
/// sex, a label column species, an ignored column year.
@Suite struct TablePreprocessingTests {
    /// Twelve rows of the penguins table (values from palmerpenguins), row 2 with every measurement
    /// missing, row 6 with an empty sex.
    static let penguinsCSV = """
        species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year
        Adelie,Torgersen,39.1,18.7,181,3750,male,2007
        Adelie,Torgersen,39.5,17.4,186,3800,female,2007
        Adelie,Torgersen,NA,NA,NA,NA,NA,2007
        Adelie,Dream,36.7,19.3,193,3450,female,2008
        Gentoo,Biscoe,46.1,13.2,211,4500,female,2007
        Gentoo,Biscoe,50,16.3,230,5700,male,2008
        Gentoo,Biscoe,44.5,14.3,216,4100,,2009
        Gentoo,Biscoe,48.7,14.1,210,4450,female,2009
        Chinstrap,Dream,46.5,17.9,192,3500,female,2007
        Chinstrap,Dream,50,19.5,196,3900,male,2008
        Chinstrap,Dream,51.3,19.2,193,3650,male,2008
        Chinstrap,Dream,45.2,17.8,198,3950,female,2009
        """
    static let trainRows = [0, 1, 2, 4, 5, 6, 8, 9]
    static let testRows = [3, 7, 10, 11]

    private func penguins() throws -> RawDataset {
        try RawDataset(csvText: Self.penguinsCSV, labelColumn: .named("species"), featureColumns: .allExcept(["year"]),
                       missingValues: .accept)
    }

    private func fitted() throws -> (preprocessor: TablePreprocessor, train: RawDataset, test: RawDataset) {
        let raw = try penguins()
        let train = raw.subset(rows: Self.trainRows), test = raw.subset(rows: Self.testRows)
        return (try TablePreprocessing(imputer: Imputer(numbers: .median)).fit(train), train, test)
    }

    @Test func penguinsEndToEnd() throws {
        let raw = try penguins()
        #expect(raw.classNames == ["Adelie", "Chinstrap", "Gentoo"])
        #expect(raw.table.columnNames == ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"])
        #expect(raw.table.columns.map(\.kind) == [.categorical, .numeric, .numeric, .numeric, .numeric, .categorical])

        let (preprocessor, train, test) = try fitted()
        #expect(preprocessor.featureNames == ["island=Biscoe", "island=Dream", "island=Torgersen", "bill_length_mm",
                                              "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex=female", "sex=male"])
        // Training medians by hand: bill length 39.1 39.5 44.5 [46.1] 46.5 50 50; depth 13.2 14.3 16.3 [17.4] 17.9
        // 18.7 19.5; flipper 181 186 192 [196] 211 216 230; mass 3500 3750 3800 [3900] 4100 4500 5700. Most frequent:
        // island Biscoe and Torgersen 3 times each (Biscoe first), sex female and male 3 times each (female first).
        #expect(preprocessor.imputation?.fills.map(\.value) == [.category("Biscoe"), .number(46.1), .number(17.4),
                                                               .number(196), .number(3900), .category("female")])

        let trainSet = try preprocessor.transform(train)
        #expect(trainSet.featureNames == preprocessor.featureNames)
        #expect(trainSet.labels == [0, 0, 0, 2, 2, 2, 1, 1])
        #expect(trainSet.features.row(2) == [0, 0, 1, 46.1, 17.4, 196, 3900, 1, 0])
        #expect(trainSet.features.row(5) == [1, 0, 0, 44.5, 14.3, 216, 4100, 1, 0])
        #expect(trainSet.features.row(0) == [0, 0, 1, 39.1, 18.7, 181, 3750, 0, 1])

        let testSet = try preprocessor.transform(test)
        #expect(testSet.features == Matrix(rows: [[0, 1, 0, 36.7, 19.3, 193, 3450, 1, 0],
                                                  [1, 0, 0, 48.7, 14.1, 210, 4450, 1, 0],
                                                  [0, 1, 0, 51.3, 19.2, 193, 3650, 0, 1],
                                                  [0, 1, 0, 45.2, 17.8, 198, 3950, 1, 0]]))
        #expect(testSet.classNames == raw.classNames)

        let metric = try Whitening().fit(try StandardScaler().fit(trainSet.features).transform(trainSet.features),
                                         labels: trainSet.labels)
        #expect(metric.inputDimension == 9)
    }

    @Test func aNewFileIsReadWithTheTrainingColumns() throws {
        let (preprocessor, _, _) = try fitted()
        // Columns in another order, an extra column, no label, a numeric-looking island and an unseen one.
        let newFile = """
            sex,body_mass_g,note,flipper_length_mm,bill_depth_mm,bill_length_mm,island
            ,4000,x,200,,40,Biscoe
            male,3000,y,190,18,NA,Atlantis
            """
        #expect(preprocessor.featureColumns == .named(["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                                                       "body_mass_g", "sex"]))
        #expect(preprocessor.categoricalColumns == .named(["island", "sex"]))
        #expect(preprocessor.missingValues == .accept)
        let table = try RawTable(csvText: newFile, readingColumnsOf: preprocessor)
        #expect(try preprocessor.transform(table).features
            == Matrix(rows: [[1, 0, 0, 40, 17.4, 200, 4000, 1, 0], [0, 0, 0, 46.1, 18, 190, 3000, 0, 1]]))
    }

    @Test func withoutAnImputerMissingCellsAreErrors() throws {
        let raw = try penguins()
        #expect(throws: MetricLearnError.missingValue(row: 2, column: "island")) {
            try TablePreprocessing().fit(raw.subset(rows: [0, 1, 2]).table.replacingIsland())
        }
        #expect(throws: MetricLearnError.missingValue(row: 2, column: "bill_length_mm")) {
            try TablePreprocessing().fit(raw)
        }
        let complete = try TablePreprocessing().fit(raw.subset(rows: [0, 1, 3]))
        #expect(complete.imputation == nil)
        #expect(complete.missingValues == .reject)
        #expect(complete.featureNames == ["island=Dream", "island=Torgersen", "bill_length_mm", "bill_depth_mm",
                                          "flipper_length_mm", "body_mass_g", "sex=female", "sex=male"])
    }

    @Test func anAllMissingTrainingColumnIsAClearError() throws {
        let raw = try penguins()
        let expected = MetricLearnError.emptyInput(
            what: "column 'bill_length_mm' has no values (every cell is missing), so there is nothing to impute it "
                + "from; leave the column out or impute a constant")
        #expect(throws: expected) { try TablePreprocessing(imputer: Imputer()).fit(raw.subset(rows: [2, 2])) }
    }

    @Test func statisticsComeFromTheTrainingFoldOnly() throws {
        let (preprocessor, train, _) = try fitted()
        let all = try TablePreprocessing(imputer: Imputer(numbers: .mean)).fit(try penguins())
        let trainOnly = try TablePreprocessing(imputer: Imputer(numbers: .mean)).fit(train)
        // Mean bill length: all 11 values sum to 497.6; the 7 training values to 315.7.
        guard case let .number(allMean)? = all.imputation?.fills[1].value,
              case let .number(trainMean)? = trainOnly.imputation?.fills[1].value else {
            Issue.record("bill_length_mm is not imputed with a number")
            return
        }
        #expect(abs(allMean - 497.6 / 11) < 1e-12)
        #expect(abs(trainMean - 315.7 / 7) < 1e-12)
        // Categories come from the training rows: a training fold without Dream has no Dream indicator.
        let noDream = try TablePreprocessing(imputer: Imputer()).fit(train.subset(rows: [0, 1, 2, 3, 4, 5]))
        #expect(noDream.encoding.columns[0].categories == ["Biscoe", "Torgersen"])
        #expect(preprocessor.encoding.columns[0].categories == ["Biscoe", "Dream", "Torgersen"])
    }

    @Test func codableRoundTrip() throws {
        let (preprocessor, _, test) = try fitted()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(preprocessor)
        let decoded = try JSONDecoder().decode(TablePreprocessor.self, from: data)
        #expect(decoded == preprocessor)
        #expect(try decoded.transform(test) == preprocessor.transform(test))

        let plain = try TablePreprocessing().fit(try penguins().subset(rows: [0, 1, 3]))
        let plainJSON = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(!plainJSON.contains("imputation"))
        #expect(try JSONDecoder().decode(TablePreprocessor.self, from: Data(plainJSON.utf8)) == plain)

        // An imputation whose columns differ from the encoding's is refused.
        let json = String(decoding: data, as: UTF8.self)
        let tampered = json.replacingOccurrences(of: #""column":"sex""#, with: #""column":"gender""#)
        #expect(tampered != json)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TablePreprocessor.self, from: Data(tampered.utf8)) }
        // So is a preprocessor that lost its imputation.
        let withoutImputer = plainJSON.replacingOccurrences(of: #""preprocessing":{"encoder":{}}"#,
                                                            with: #""preprocessing":{"encoder":{},"imputer":{"categories":{"strategy":"most-frequent"},"numbers":{"strategy":"mean"}}}"#)
        #expect(withoutImputer != plainJSON)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TablePreprocessor.self, from: Data(withoutImputer.utf8))
        }
    }

    @Test func featureWeightsPerOriginalColumn() throws {
        let (preprocessor, _, _) = try fitted()
        let weights = zip(preprocessor.featureNames, [0.5, 0.25, 0.0, 2.0, 0.1, 1.0, 0.2, 0.3, 0.4])
            .map { FeatureWeight(feature: $0, weight: $1) }
        let columns = try preprocessor.columnWeights(weights.reversed())
        #expect(columns.map(\.column) == ["bill_length_mm", "flipper_length_mm", "island", "sex", "body_mass_g", "bill_depth_mm"])
        #expect(columns.map(\.weight) == [2.0, 1.0, 0.75, 0.7, 0.2, 0.1])
        #expect(columns[2].features == Array(weights[0..<3]))
        #expect(columns[3].features.map(\.feature) == ["sex=female", "sex=male"])
    }

    @Test func featureReweightingWeightsPerOriginalColumn() throws {
        let (preprocessor, train, _) = try fitted()
        let dataset = try preprocessor.transform(train)
        let standardized = try Dataset(features: try StandardScaler().fit(dataset.features).transform(dataset.features),
                                       labels: dataset.labels, classNames: dataset.classNames,
                                       featureNames: dataset.featureNames)
        let metric = try FeatureReweighting(seed: 0).fit(standardized)
        let featureWeights = try #require(metric.featureWeights)
        let columns = try preprocessor.columnWeights(featureWeights)
        #expect(Set(columns.map(\.column)) == Set(preprocessor.columnNames))
        #expect(columns.map(\.weight) == columns.map(\.weight).sorted(by: >))
        #expect(Set(columns.flatMap(\.features)) == Set(featureWeights))
        let island = try #require(columns.first { $0.column == "island" })
        let indicators = featureWeights.filter { $0.feature.hasPrefix("island=") }
        #expect(island.features.map(\.feature) == ["island=Biscoe", "island=Dream", "island=Torgersen"])
        #expect(abs(island.weight - indicators.reduce(0) { $0 + $1.weight }) <= 1e-12)
    }

    @Test func featureWeightErrors() throws {
        let (preprocessor, _, _) = try fitted()
        let weights = preprocessor.featureNames.map { FeatureWeight(feature: $0, weight: 1) }
        #expect(throws: MetricLearnError.invalidData(what: "featureWeights", value: "no weight for 'sex=male'",
                                                     requirement: "must give a weight to every output feature")) {
            try preprocessor.columnWeights(Array(weights.dropLast()))
        }
        #expect(throws: MetricLearnError.invalidData(what: "featureWeights", value: "'island'",
                                                     requirement: "must name only the preprocessor's output features")) {
            try preprocessor.columnWeights(weights + [FeatureWeight(feature: "island", weight: 1)])
        }
        #expect(throws: MetricLearnError.invalidData(what: "featureWeights", value: "'sex=male' twice",
                                                     requirement: "must name each feature once")) {
            try preprocessor.columnWeights(weights + [weights[8]])
        }
        #expect(throws: MetricLearnError.invalidData(what: "featureWeights", value: "'sex=male': nan",
                                                     requirement: "weights must be finite")) {
            try preprocessor.columnWeights(Array(weights.dropLast()) + [FeatureWeight(feature: "sex=male", weight: .nan)])
        }
    }
}

private extension RawTable {
    /// This table with row 2 of `island` missing (the other columns unchanged).
    func replacingIsland() throws -> RawTable {
        guard case let .categories(cells) = columns[0].values else { return self }
        var changed = cells
        changed[2] = nil
        return try RawTable(columns: [RawColumn(name: "island", categories: changed)] + columns.dropFirst())
    }
}
