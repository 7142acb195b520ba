import LinearAlgebra
import Testing

@Suite struct SymmetricEigendecompositionTests {
    @Test func twoByTwo() throws {
        let e = try SymmetricEigendecomposition(Matrix(rows: [[2, 1], [1, 2]]))
        #expect(isClose(e.eigenvalues, [1, 3]))
        let v = e.eigenvectors
        // Columns are the eigenvectors (±(1,−1)/√2 for 1 and ±(1,1)/√2 for 3).
        #expect(abs(abs(v[0, 0]) - 0.5.squareRoot()) < 1e-12 && abs(v[0, 0] + v[1, 0]) < 1e-12)
        #expect(abs(v[0, 1] - v[1, 1]) < 1e-12)
    }

    @Test func threeByThreeSatisfiesAvEqualsLambdaV() throws {
        // Block diagonal: 2, and [3 4; 4 9] with eigenvalues 1 and 11.
        let a = Matrix(rows: [[2, 0, 0], [0, 3, 4], [0, 4, 9]])
        let e = try SymmetricEigendecomposition(a)
        #expect(isClose(e.eigenvalues, [1, 2, 11], tolerance: 1e-12))
        for j in 0..<3 {
            let v = e.eigenvectors.column(j)
            let av = a * v
            #expect(isClose(av, v.map { $0 * e.eigenvalues[j] }, tolerance: 1e-12))
        }
        #expect(isClose(e.eigenvectors.transposedTimesSelf(), .identity(3)))
    }

    @Test func readsOnlyTheUpperTriangle() throws {
        // A non-symmetric input: LAPACK reads the upper triangle (row-major "U"), i.e. [2 1; 1 2].
        let e = try SymmetricEigendecomposition(Matrix(rows: [[2, 1], [-7, 2]]))
        #expect(isClose(e.eigenvalues, [1, 3]))
    }

    @Test func rejectsNonFiniteInput() {
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "dsyevd")) {
            try SymmetricEigendecomposition(Matrix(rows: [[1, .nan], [.nan, 1]]))
        }
    }

    @Test func pseudoInverseOfSingularMatrix() throws {
        // [1 1; 1 1] = 2·uuᵀ with u = (1,1)/√2, so its pseudo-inverse is uuᵀ/2 = 1/4 everywhere.
        let p = try Matrix(rows: [[1, 1], [1, 1]]).symmetricPseudoInverse()
        #expect(isClose(p, Matrix(rows: [[0.25, 0.25], [0.25, 0.25]])))
        #expect(try SymmetricEigendecomposition(Matrix(rows: [[1, 1], [1, 1]])).rank() == 1)
    }

    @Test func inverseSquareRootAndSquareRoot() throws {
        let a = Matrix(rows: [[5, 4], [4, 5]])          // eigenvalues 1 and 9
        let root = try a.symmetricSquareRoot()          // [2 1; 1 2]
        #expect(isClose(root, Matrix(rows: [[2, 1], [1, 2]])))
        let inverseRoot = try a.symmetricInverseSquareRoot()
        #expect(isClose(inverseRoot * root, .identity(2)))
        let expected = Matrix(diagonal: [0.5, 1 / 3.0])
        #expect(isClose(try Matrix(diagonal: [4, 9]).symmetricInverseSquareRoot(), expected))
    }
}

@Suite struct CholeskyTests {
    @Test func factorises() throws {
        let l = try Cholesky(Matrix(rows: [[4, 2], [2, 3]])).lower
        #expect(isClose(l, Matrix(rows: [[2, 0], [1, 2.0.squareRoot()]])))
    }

    @Test func reportsTheFailingMinor() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", order: 2)) {
            try Cholesky(Matrix(rows: [[1, 2], [2, 1]]))
        }
    }
}

@Suite struct SingularValueDecompositionTests {
    @Test func wideMatrixReconstructs() throws {
        let a = Matrix(rows: [[3, 2, 2], [2, 3, -2]])   // singular values 5 and 3
        let svd = try SingularValueDecomposition(a)
        #expect(isClose(svd.singularValues, [5, 3], tolerance: 1e-12))
        #expect(svd.u.rowCount == 2 && svd.u.columnCount == 2 && svd.vt.rowCount == 2 && svd.vt.columnCount == 3)
        let reconstructed = svd.u * Matrix(diagonal: svd.singularValues) * svd.vt
        #expect(isClose(reconstructed, a, tolerance: 1e-12))
        #expect(isClose(svd.vt.timesTransposed(svd.vt), .identity(2)))
    }

    @Test func tallMatrixReconstructs() throws {
        let a = Matrix(rows: [[1, 2], [3, 4], [5, 6]])
        let svd = try SingularValueDecomposition(a)
        #expect(svd.u.rowCount == 3 && svd.u.columnCount == 2)
        #expect(isClose(svd.u * Matrix(diagonal: svd.singularValues) * svd.vt, a, tolerance: 1e-12))
        #expect(isClose(svd.u.transposedTimesSelf(), .identity(2)))
    }
}

@Suite struct SolveTests {
    @Test func nonSymmetricSystem() throws {
        // [1 2; 3 4]·x = [5; 6] → x = (−4, 4.5). The transposed system would give (−1, 3).
        #expect(isClose(try Matrix(rows: [[1, 2], [3, 4]]).solve([5, 6]), [-4, 4.5]))
    }

    @Test func severalRightHandSides() throws {
        let x = try Matrix(rows: [[2, 1], [1, 3]]).solve(Matrix(rows: [[3, 1], [5, 0]]))
        #expect(isClose(x, Matrix(rows: [[0.8, 0.6], [1.4, -0.2]]), tolerance: 1e-14))
    }

    @Test func singularSystemThrows() {
        #expect(throws: LinearAlgebraError.singular(routine: "dgesv", index: 2)) {
            try Matrix(rows: [[1, 2], [2, 4]]).solve([1, 2])
        }
    }
}

@Suite struct GeneralizedSymmetricEigendecompositionTests {
    @Test func solvesAvEqualsLambdaBvWithBOrthonormalVectors() throws {
        let a = Matrix(rows: [[4, 1, 0], [1, 3, 1], [0, 1, 2]])
        let b = Matrix(rows: [[2, 0.5, 0], [0.5, 1, 0.2], [0, 0.2, 3]])
        let e = try GeneralizedSymmetricEigendecomposition(a, b)
        #expect(e.eigenvalues == e.eigenvalues.sorted())
        for j in 0..<3 {
            let v = e.eigenvectors.column(j)
            #expect(isClose(a * v, (b * v).map { $0 * e.eigenvalues[j] }, tolerance: 1e-12))
        }
        #expect(isClose(e.eigenvectors.transposedTimes(b * e.eigenvectors), .identity(3), tolerance: 1e-12))
    }

    @Test func withTheIdentityItIsTheSymmetricEigendecomposition() throws {
        let a = Matrix(rows: [[2, 0, 0], [0, 3, 4], [0, 4, 9]])
        let generalized = try GeneralizedSymmetricEigendecomposition(a, .identity(3))
        #expect(isClose(generalized.eigenvalues, try SymmetricEigendecomposition(a).eigenvalues, tolerance: 1e-12))
    }

    @Test func reportsABThatIsNotPositiveDefinite() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dsygvd", order: 2)) {
            try GeneralizedSymmetricEigendecomposition(.identity(2), Matrix(rows: [[1, 2], [2, 1]]))
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "dsygvd")) {
            try GeneralizedSymmetricEigendecomposition(.identity(2), Matrix(rows: [[1, .nan], [.nan, 1]]))
        }
    }
}
