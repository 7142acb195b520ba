import Foundation
import MetricLearn
import Testing

@Suite struct StandardScalerTests {
    /// Column 0: mean 4, deviations ∓3, ∓1, variance 20/4 = 5. Column 1: constant 2.
    /// Column 2: mean 1, deviations −1, −1, −1, 3, variance 12/4 = 3.
    let x = Matrix(rows: [[1, 2, 0], [3, 2, 0], [5, 2, 0], [7, 2, 4]])

    @Test func meansAndPopulationStandardDeviations() throws {
        let standardization = try StandardScaler().fit(x)
        #expect(standardization.means == [4, 2, 1])
        #expect(standardization.scales == [Double(5).squareRoot(), 1, Double(3).squareRoot()])
        #expect(standardization.featureCount == 3)
    }

    @Test func transformStandardizes() throws {
        let z = try StandardScaler().fit(x).transform(x)
        let (r5, r3) = (Double(5).squareRoot(), Double(3).squareRoot())
        #expect(z == Matrix(rows: [[-3 / r5, 0, -1 / r3], [-1 / r5, 0, -1 / r3], [1 / r5, 0, -1 / r3], [3 / r5, 0, 3 / r3]]))
    }

    @Test func nearlyConstantColumnKeepsScaleOne() throws {
        // The mean of three 0.1s is 0.10000000000000002 in floating point, so the deviations are ~1e-17,
        // not 0: scikit-learn's rounding bound still calls the column constant.
        let standardization = try StandardScaler().fit(Matrix(rows: [[0.1, 1], [0.1, 2], [0.1, 6]]))
        #expect(standardization.scales[0] == 1)
        #expect(standardization.scales[1] == (14.0 / 3).squareRoot())
    }

    @Test func inverseTransformUndoesTransform() throws {
        let standardization = try StandardScaler().fit(x)
        let back = try standardization.inverseTransform(standardization.transform(x))
        #expect(back.maxAbsoluteDifference(from: x) <= 1e-15)
    }

    @Test func optionsSkipSteps() throws {
        let onlyScaling = try StandardScaler(subtractsMean: false).fit(x)
        #expect(try onlyScaling.transform(Matrix(rows: [[5, 2, 3]])) == Matrix(rows: [[5 / Double(5).squareRoot(), 2, 3 / Double(3).squareRoot()]]))
        let onlyCentering = try StandardScaler(dividesByStandardDeviation: false).fit(x)
        #expect(try onlyCentering.transform(Matrix(rows: [[5, 2, 3]])) == Matrix(rows: [[1, 0, 2]]))
        #expect(try onlyCentering.inverseTransform(Matrix(rows: [[1, 0, 2]])) == Matrix(rows: [[5, 2, 3]]))
        #expect(onlyCentering.scales == [Double(5).squareRoot(), 1, Double(3).squareRoot()])
    }

    @Test func fitRejectsBadInput() {
        #expect(throws: MetricLearnError.emptyInput(what: "no samples")) {
            try StandardScaler().fit(Matrix(rowCount: 0, columnCount: 2))
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 1, column: 0)) {
            try StandardScaler().fit(Matrix(rows: [[1, 2], [.nan, 3]]))
        }
    }

    @Test func transformChecksWidthAndFiniteness() throws {
        let standardization = try StandardScaler().fit(x)
        #expect(throws: MetricLearnError.featureCountMismatch(expected: 3, actual: 2)) {
            try standardization.transform(Matrix(rows: [[1, 2]]))
        }
        #expect(throws: MetricLearnError.nonFiniteValue(row: 0, column: 2)) {
            try standardization.inverseTransform(Matrix(rows: [[1, 2, .infinity]]))
        }
    }

    @Test func codableRoundTripIsExact() throws {
        let standardization = try StandardScaler(subtractsMean: false).fit(Matrix(rows: [[0.1, 7], [0.7, 3], [1.3, 5]]))
        let decoded = try JSONDecoder().decode(Standardization.self, from: JSONEncoder().encode(standardization))
        #expect(decoded == standardization)
        let bad = #"{"scaler":{"subtractsMean":true,"dividesByStandardDeviation":true},"means":[0],"scales":[0]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Standardization.self, from: Data(bad.utf8)) }
    }

    @Test func jsonLayout() throws {
        let standardization = try StandardScaler(subtractsMean: false).fit(Matrix(rows: [[1, 7], [3, 3]]))
        #expect(try sortedJSON(standardization) == #"{"means":[2,5],"#
            + #""scaler":{"dividesByStandardDeviation":true,"subtractsMean":false},"scales":[1,2]}"#)
    }
}
