import Foundation
@testable import MetricLearn
import Testing

/// Finite data near Double's limits: statistics of it stay finite, a result beyond Double's range is an `overflow`
/// naming the row (never an infinity in the output), and a row of a file is named by its line.
@Suite struct OverflowTests {
    static let huge = 1.7e308

    /// The column means and standard deviations of ±1.7e308 are finite, so the column is scaled (it used to keep scale 1
    /// because its variance overflowed, and NCA then met it unscaled).
    @Test func standardisingValuesNearTheLimitOfDoubleScalesThem() throws {
        let x = Matrix(rows: (0..<12).map { [$0 % 2 == 0 ? Self.huge : -Self.huge, Double($0)] })
        let standardization = try StandardScaler().fit(x)
        #expect(standardization.means[0] == 0 && standardization.scales[0] == Self.huge)
        let z = try standardization.transform(x)
        #expect(z.column(0).allSatisfy { abs($0) == 1 })
        #expect(try standardization.inverseTransform(z) == x)
        // A constant column near the limit keeps scale 1; ordinary columns keep their usual bits.
        let constant = try StandardScaler().fit(Matrix(rows: [[Self.huge, 1], [Self.huge, 2], [Self.huge, 4]]))
        #expect(constant.scales[0] == 1 && constant.means[0] == Self.huge)
        #expect(try constant.transform(Matrix(rows: [[Self.huge, 3]])) == Matrix(rows: [[0, (3 - 7.0 / 3) / constant.scales[1]]]))
        let ordinary = Matrix(rows: [[1, 2], [3, 5], [4, 4]])
        let scales = try StandardScaler().fit(ordinary).scales
        let mean = 8.0 / 3, variance = ((1 - mean) * (1 - mean) + (3 - mean) * (3 - mean) + (4 - mean) * (4 - mean)) / 3
        #expect(scales[0] == variance.squareRoot())
    }

    @Test func aStandardisedValueBeyondDoubleIsAnOverflowOfItsRow() throws {
        let standardization = try StandardScaler().fit(Matrix(rows: [[0], [1e-150], [0], [1e-150]]))
        #expect(throws: MetricLearnError.overflow(row: 1, column: nil, what: "standardising feature 1")) {
            try standardization.transform(Matrix(rows: [[0], [Self.huge]]))
        }
    }

    @Test func imputingFromValuesNearTheLimitOfDoubleGivesFiniteFills() throws {
        let table = try RawTable(columns: [RawColumn(name: "a", numbers: [Self.huge, Self.huge, nil, -Self.huge, Self.huge])])
        for strategy in [Imputer.NumericStrategy.mean, .median] {
            let imputation = try Imputer(numbers: strategy).fit(table)
            guard case let .number(fill) = imputation.fills[0].value else { return }
            #expect(fill.isFinite && fill > 0, "\(strategy)")
        }
        let even = try RawTable(columns: [RawColumn(name: "a", numbers: [Self.huge, Self.huge, nil])])
        #expect(try Imputer(numbers: .median).fit(even).fills[0].value == .number(Self.huge))
    }

    /// `transform` of rows near 1e308, or with a model whose entries are near 1e308, wrote `inf` to CSV and .npy.
    @Test func aTransformBeyondDoubleIsAnOverflowNotAnInfinity() throws {
        let metric = MahalanobisMetric(components: Matrix(rows: [[1, 0], [1, 1]]), report: FitReport(learner: .nca(NCA())))
        #expect(try metric.transform(Matrix(rows: [[1, 2], [3, 4]])) == Matrix(rows: [[1, 3], [3, 7]]))
        #expect(throws: MetricLearnError.overflow(row: 1, column: nil, what: "the transform by the metric (component 2)")) {
            try metric.transform(Matrix(rows: [[1, 2], [Self.huge, Self.huge]]))
        }
        let large = MahalanobisMetric(components: Matrix(rows: [[1e308, 1e308]]), report: FitReport(learner: .nca(NCA())))
        #expect(throws: MetricLearnError.overflow(row: 0, column: nil, what: "the transform by the metric (component 1)")) {
            try large.transform(Matrix(rows: [[2, 1]]))
        }
    }

    /// In a file, the row is its line: blank lines and quoted line breaks counted as the reader counts them.
    @Test func anOverflowInAFileIsGivenAtItsLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("overflow-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("a,\"b\nb\",label\n1,2,x\n\n3,4,y\n5,6,z\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = MetricLearnError.overflow(row: 2, column: "label", what: "something")
        #expect(error.locatingRows(inCSVFile: path)
                    == .csv(line: 6, column: 3, reason: "something overflows Double (its values are too large for it)"))
        #expect(MetricLearnError.missingValue(row: 1, column: "a").locatingRows(inCSVFile: path)
                    == .csv(line: 5, column: 1, reason: "missing value; impute missing values to use such rows"))
        // Beyond the rows, or another kind of error: unchanged.
        #expect(MetricLearnError.overflow(row: 3, column: nil, what: "x").locatingRows(inCSVFile: path)
                    == .overflow(row: 3, column: nil, what: "x"))
        #expect(MetricLearnError.singleClass(label: "x").locatingRows(inCSVFile: path) == .singleClass(label: "x"))
    }

    /// A cross-validation fold knows its rows by their index in the fold; the error names the dataset's row.
    @Test func anOverflowInACrossValidationFoldNamesTheDatasetRow() throws {
        var rows = (0..<12).map { [Double($0 % 4), Double($0 % 3)] }
        rows[9] = [1e200, 1e200]
        let dataset = try Dataset(features: Matrix(rows: rows), labels: (0..<12).map { $0 % 2 },
                                  classNames: ["a", "b"], featureNames: ["u", "v"])
        let splits = [StratifiedKFold.Fold(trainIndices: Array(0..<8), testIndices: [8, 9, 10, 11]),
                      StratifiedKFold.Fold(trainIndices: Array(4..<12), testIndices: [0, 1, 2, 3])]
        #expect(throws: MetricLearnError.overflow(row: 9, column: nil, what: "the squared distance to the row")) {
            try crossValidate(Pipeline(classifier: KNearestNeighbors(neighborCount: 1)), dataset, splits: splits)
        }
    }

    /// NCA on a constant column of 1.7e308 stopped at iteration 0 "did not converge", with advice to raise the
    /// iteration limit: its gradient overflows, which is the features' scale. Standardised, it fits. MLKR, whose
    /// kernel is NCA's, is refused alike.
    @Test func aNonFiniteObjectiveOrGradientIsAFeatureScaleRefusal() throws {
        let x = Matrix(rows: (0..<12).map { [Self.huge, Double($0 % 5), Double($0 % 3)] })
        let labels = (0..<12).map { $0 < 6 ? 0 : 1 }
        for fit in [{ try NCA().fit(x, labels: labels) }, { try MLKR().fit(x, targets: labels.map(Double.init)) }] {
            #expect {
                try fit()
            } throws: { error in
                guard case let .invalidData(what, _, requirement) = error as? MetricLearnError else { return false }
                return what == "features" && requirement.hasSuffix("standardise the features")
            }
        }
        let dataset = try Dataset(features: x, labels: labels, classNames: ["p", "q"], featureNames: ["a", "b", "c"])
        #expect(try TrainingTable(dataset).fit(.nca(NCA()), standardizing: true).metric.components.isFinite)
    }

    /// ITML with bounds far above the data's distances overflowed M and failed inside LAPACK.
    @Test func itmlUpdatesThatOverflowAreAFeatureScaleRefusal() throws {
        let iris = try Dataset.iris
        #expect {
            try ITML(bounds: .given(lower: 1e300, upper: 1e305)).fit(iris.features * 1e150, labels: iris.labels)
        } throws: { error in
            guard case let .invalidData(what, _, requirement) = error as? MetricLearnError else { return false }
            return what == "features" && requirement.contains("standardise the features")
        }
    }
}
