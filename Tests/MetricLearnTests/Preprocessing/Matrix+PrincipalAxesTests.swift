@testable import MetricLearn
import Testing

/// PCA axes: the SVD of a centred copy for small tables, the eigenvectors of the streamed scatter for large ones.
@Suite struct MatrixPrincipalAxesTests {
    /// Rows with variances 16, 9, 4, 1, 0.25, … along a random rotation, offset far from the origin.
    static func table(rowCount n: Int, columnCount d: Int) -> Matrix {
        var generator = SeededGenerator(seed: 7)
        let rotation = Matrix(rowCount: d, columnCount: d, elements: (0..<(d * d)).map { _ in generator.nextGaussian() })
        let q = (try? SingularValueDecomposition(rotation).u) ?? .identity(d)
        let scores = Matrix(rowCount: n, columnCount: d, elements: (0..<(n * d)).map { index in
            generator.nextGaussian() * 4 / Double(index % d + 1) + 100
        })
        return scores.timesTransposed(q)
    }

    @Test func largeTablesGiveTheAxesOfTheCentredCopysSVD() throws {
        let d = 8
        let n = Matrix.principalAxesCopyLimit / d + 1
        let x = Self.table(rowCount: n, columnCount: d)
        let streamed = try x.principalAxes(count: 5)
        let reference = try SingularValueDecomposition(x.subtractingFromEachRow(x.columnMeans())).vt
            .rows(at: Array(0..<5)).withDeterministicRowSigns()
        #expect(streamed.rowCount == 5 && streamed.columnCount == d)
        #expect(zip(streamed.elements, reference.elements).allSatisfy { abs($0 - $1) <= 1e-9 })
    }

    @Test func smallTablesKeepTheSVD() throws {
        let x = Self.table(rowCount: 200, columnCount: 6)
        let axes = try x.principalAxes(count: 6)
        let reference = try SingularValueDecomposition(x.subtractingFromEachRow(x.columnMeans())).vt
            .withDeterministicRowSigns()
        #expect(axes == reference)
    }
}
