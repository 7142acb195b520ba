@testable import MetricLearn
import Testing

@Suite struct ScatterEigenproblemTests {
    /// A regular problem: eigenvalues largest first, B-orthonormal rows, A·v = λ·B·v, no shrinkage.
    @Test func solvesARegularProblem() throws {
        let a = Matrix(rows: [[4, 1, 0], [1, 3, 1], [0, 1, 2]])
        let b = Matrix(rows: [[2, 0.5, 0], [0.5, 1, 0.2], [0, 0.2, 3]])
        let problem = try ScatterEigenproblem(a, b, span: .identity(3))
        #expect(problem.eigenvalues == problem.eigenvalues.sorted(by: >))
        #expect(problem.rank == 3 && problem.shrinkage == 0)
        let v = problem.eigenvectors
        #expect((v * b).timesTransposed(v).maxAbsoluteDifference(from: .identity(3)) <= 1e-12)
        #expect((v * a).timesTransposed(v).maxAbsoluteDifference(from: Matrix(diagonal: problem.eigenvalues)) <= 1e-12)
    }

    /// A direction in which the data do not vary (the third axis) is left out: r = 2 and no eigenvector has a part
    /// along it, even though B is singular there.
    @Test func dropsDirectionsOutsideTheSpan() throws {
        let span = Matrix(diagonal: [2, 1, 0])
        let problem = try ScatterEigenproblem(Matrix(diagonal: [3, 1, 0]), Matrix(diagonal: [1, 1, 0]), span: span)
        #expect(problem.rank == 2 && problem.shrinkage == 0)
        #expect(problem.eigenvalues == [3, 1])
        #expect(problem.eigenvectors.column(2) == [0, 0])
    }

    /// B singular on the span: shrunk halfway towards (tr B / r)·I, reported, and finite.
    @Test func shrinksASingularDenominator() throws {
        let problem = try ScatterEigenproblem(Matrix(diagonal: [1, 1]), Matrix(diagonal: [2, 0]), span: .identity(2))
        #expect(problem.shrinkage == ScatterEigenproblem.singularShrinkage)
        // B becomes ½·diag(2, 0) + ½·1·I = diag(1.5, 0.5): λ = 2 and 2/3.
        #expect(problem.eigenvalues.count == 2)
        #expect(abs(problem.eigenvalues[0] - 2) < 1e-12 && abs(problem.eigenvalues[1] - 2.0 / 3) < 1e-12)
        let zero = try ScatterEigenproblem(Matrix(diagonal: [1, 2]), Matrix(rowCount: 2, columnCount: 2), span: .identity(2))
        #expect(zero.shrinkage == 1 && zero.eigenvalues == [2, 1])
    }

    @Test func aZeroSpanIsRefused() {
        #expect(throws: MetricLearnError.emptyInput(what: "every feature is constant: the data span no direction")) {
            try ScatterEigenproblem(.identity(2), .identity(2), span: Matrix(rowCount: 2, columnCount: 2))
        }
    }
}
