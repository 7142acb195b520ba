import LinearAlgebra
import Testing

@Suite struct MatrixProductsTests {
    let a = Matrix(rows: [[1, 2, 3], [4, 5, 6]])              // 2×3
    let b = Matrix(rows: [[7, 8], [9, 10], [11, 12]])          // 3×2

    @Test func product() {
        // [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] = [58 64; 139 154]
        let c = a * b
        #expect(c.rowCount == 2 && c.columnCount == 2)
        #expect(c.elements == [58, 64, 139, 154])
        // The other order is 3×3.
        let d = b * a
        #expect(d.elements == [39, 54, 69, 49, 68, 87, 59, 82, 105])
    }

    @Test func transposedProducts() {
        #expect(a.transposedTimes(a).elements == [17, 22, 27, 22, 29, 36, 27, 36, 45])  // AᵀA
        #expect(a.timesTransposed(a).elements == [14, 32, 32, 77])                      // AAᵀ
        #expect(a.transposedTimesSelf() == a.transposedTimes(a))
        #expect(b.transposedTimes(a.transposed()) == b.transposed() * a.transposed())
    }

    @Test func matrixVectorProducts() {
        #expect(a * [1, 0, -1] == [-2, -2])
        #expect(a.transposedTimes([1, -1]) == [-3, -3, -3])
    }

    @Test func emptyInnerDimensionGivesZeros() {
        let left = Matrix(rowCount: 2, columnCount: 0)
        let right = Matrix(rowCount: 0, columnCount: 3)
        #expect((left * right) == Matrix(rowCount: 2, columnCount: 3))
    }

    @Test func statistics() {
        let x = Matrix(rows: [[1, 2], [3, 6], [5, 10]])
        #expect(x.columnMeans() == [3, 6])
        // Deviations (−2,−4), (0,0), (2,4): covariance [8 16; 16 32] / 2.
        #expect(x.covariance().elements == [4, 8, 8, 16])
        let populationCovariance: [Double] = [8, 16, 16, 32].map { $0 / 3 }
        #expect(isClose(x.covariance(deltaDegreesOfFreedom: 0).elements, populationCovariance))
        #expect(x.rowSquaredNorms() == [5, 45, 125])
        #expect(x.subtractingFromEachRow([1, 2]).elements == [0, 0, 2, 4, 4, 8])
        var inPlace = x
        inPlace.subtractFromEachRow([1, 2])
        #expect(inPlace == x.subtractingFromEachRow([1, 2]) && x.elements == [1, 2, 3, 6, 5, 10])
    }
}
