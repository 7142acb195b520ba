import Foundation
import LinearAlgebra
import Testing

@Suite struct MatrixTests {
    let a = Matrix(rows: [[1, 2, 3], [4, 5, 6]])          // 2×3, not square, not symmetric

    @Test func storesRowMajor() {
        #expect(a.elements == [1, 2, 3, 4, 5, 6])
        #expect(a[1, 0] == 4)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(2) == [3, 6])
        #expect(a.rows(at: [1, 1, 0]).elements == [4, 5, 6, 4, 5, 6, 1, 2, 3])
        #expect(a.columns(at: [2, 0]).elements == [3, 1, 6, 4])
    }

    @Test func transposes() {
        let t = a.transposed()
        #expect(t.rowCount == 3 && t.columnCount == 2)
        #expect(t.elements == [1, 4, 2, 5, 3, 6])
    }

    @Test func identityAndDiagonal() {
        #expect(Matrix.identity(3).elements == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(Matrix(diagonal: [2, 3]).elements == [2, 0, 0, 3])
        #expect(Matrix(rows: [[1, 2], [3, 4]]).diagonal == [1, 4])
        #expect(Matrix(rows: [[1, 2], [3, 4]]).trace == 5)
    }

    @Test func elementwiseArithmetic() {
        let b = Matrix(rows: [[6, 5, 4], [3, 2, 1]])
        #expect((a + b).elements == [7, 7, 7, 7, 7, 7])
        #expect((a - b).elements == [-5, -3, -1, 1, 3, 5])
        #expect((2 * a).elements == [2, 4, 6, 8, 10, 12])
        #expect((a / 2).elements == [0.5, 1, 1.5, 2, 2.5, 3])
        #expect(a.hadamard(b).elements == [6, 10, 12, 12, 10, 6])
        #expect((-a).elements == [-1, -2, -3, -4, -5, -6])
    }

    @Test func frobeniusNormAvoidsOverflow() {
        #expect(abs(Matrix(rows: [[3, 4]]).frobeniusNorm - 5) < 1e-15)
        let huge = Matrix(rows: [[3e200, 4e200]])
        #expect(abs(huge.frobeniusNorm / 5e200 - 1) < 1e-15)
    }

    @Test func symmetry() {
        let m = Matrix(rows: [[1, 2], [2.5, 3]])
        #expect(!m.isSymmetric())
        #expect(m.symmetrized().elements == [1, 2.25, 2.25, 3])
        #expect(m.symmetrized().isSymmetric())
    }

    @Test func findsNonFiniteValues() {
        #expect(a.isFinite)
        #expect(a.firstNonFiniteIndex == nil)
        var b = a
        b[1, 2] = .nan
        #expect(!b.isFinite)
        #expect(b.firstNonFiniteIndex! == (1, 2))
    }

    /// The eight-wide screen finds NaN and ±∞ wherever they are (in a full group of eight or in the tail), and
    /// large finite values (whose products with 0 stay 0) pass.
    @Test(arguments: [0, 7, 8, 15, 16, 18])
    func findsNonFiniteValuesAnywhere(position: Int) throws {
        let large = (0..<19).map { Double.greatestFiniteMagnitude / 19 * Double($0) }
        var x = Matrix(rowCount: 19, columnCount: 1, elements: large)
        #expect(x.firstNonFiniteIndex == nil)
        for value in [Double.nan, .infinity, -.infinity] {
            x[position, 0] = value
            x[18 - position, 0] = 1
            #expect(try #require(x.firstNonFiniteIndex) == (position, 0))
            x[position, 0] = 0
        }
    }

    @Test func codableRoundTripIsExact() throws {
        let m = Matrix(rows: [[0.1, -2e-300], [Double.pi, 1e300]])
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(Matrix.self, from: data) == m)
    }

    @Test func decodingRejectsWrongValueCount() {
        let json = Data(#"{"rows": 2, "columns": 2, "values": [1, 2, 3]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: json) }
        let negative = Data(#"{"rows": -1, "columns": 0, "values": []}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: negative) }
        let overflow = Data(#"{"rows": 9223372036854775807, "columns": 2, "values": []}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: overflow) }
    }
}
