import LinearAlgebra
import Testing

/// `PositiveSemidefiniteProjector`: the nearest X ⪰ 0 with ⟨W, X⟩ ≤ t.
@Suite struct PositiveSemidefiniteProjectorTests {
    /// A seeded symmetric n×n matrix with entries in [−1, 1) (plus `diagonal` on the diagonal).
    private static func symmetric(_ n: Int, seed: UInt64, diagonal: Double = 0) -> Matrix {
        var state = seed
        var a = Matrix(rowCount: n, columnCount: n)
        for i in 0..<n {
            for j in i..<n {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let value = 2 * Double(state >> 11) / Double(1 << 53) - 1 + (i == j ? diagonal : 0)
                a[i, j] = value
                a[j, i] = value
            }
        }
        return a
    }

    /// Π(A): negative eigenvalues clipped, from the public eigendecomposition.
    private static func coneProjection(_ a: Matrix) throws -> Matrix {
        let eigen = try SymmetricEigendecomposition(a)
        let v = eigen.eigenvectors
        var result = Matrix(rowCount: a.rowCount, columnCount: a.rowCount)
        for (k, value) in eigen.eigenvalues.enumerated() where value > 0 {
            for i in 0..<a.rowCount { for j in 0..<a.rowCount { result[i, j] += value * v[i, k] * v[j, k] } }
        }
        return result
    }

    private static func inner(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.elements, b.elements).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// With the bound active (t a tenth of ⟨W, Π(A)⟩; W full rank or of rank 2), the result is positive
    /// semidefinite, on the bound to 1e-9, and the projection onto the convex feasible set: ⟨A − X, Y − X⟩ ≤ 0 for
    /// every feasible Y (checked on 300 seeded ones, and Y = 0). It takes a handful of evaluations.
    @Test(arguments: [7, 2])
    func isTheNearestFeasibleMatrix(weightRank: Int) throws {
        let n = 7
        let a = Self.symmetric(n, seed: 1)
        let factor = Self.symmetric(n, seed: 2)
        var w = Matrix(rowCount: n, columnCount: n)
        for i in 0..<n { for j in 0..<n { for k in 0..<weightRank { w[i, j] += factor[i, k] * factor[j, k] } } }
        let bound = Self.inner(w, try Self.coneProjection(a)) / 10
        var projector = PositiveSemidefiniteProjector(weights: w, bound: bound)
        var x = a.elements
        let projection = try projector.project(&x, maxEvaluations: 100, tolerance: 1e-12, acceptance: 0.01)
        let result = Matrix(rowCount: n, columnCount: n, elements: x)

        #expect(projection.isWithinBound && projection.evaluations <= 12, "\(projection)")
        #expect(abs(Self.inner(w, result) - bound) <= 1e-9 * bound)
        #expect(try SymmetricEigendecomposition(result).eigenvalues.allSatisfy { $0 >= -1e-12 })
        let residual = Matrix(rowCount: n, columnCount: n, elements: zip(a.elements, x).map { $0 - $1 })
        var worst = Self.inner(residual, Matrix(rowCount: n, columnCount: n, elements: x.map { -$0 }))
        for seed in 0..<300 as Range<UInt64> {
            let g = Self.symmetric(n, seed: 100 + seed)
            var y = g.transposedTimesSelf()
            let scale = bound / Self.inner(w, y) * Double(seed % 10 + 1) / 10
            y = y * scale
            worst = max(worst, Self.inner(residual, Matrix(rowCount: n, columnCount: n,
                                                           elements: zip(y.elements, x).map { $0 - $1 })))
        }
        #expect(worst <= 1e-9, "⟨A − X, Y − X⟩ reached \(worst)")
    }

    /// A bound that Π(A) meets leaves the plain cone projection, in one evaluation; a positive definite matrix
    /// inside the bound comes back unchanged.
    @Test func anInactiveBoundGivesTheConeProjection() throws {
        let n = 6
        let a = Self.symmetric(n, seed: 3)
        let identity = Matrix.identity(n)
        let expected = try Self.coneProjection(a)
        let definite = Self.symmetric(n, seed: 4, diagonal: 8)
        var projector = PositiveSemidefiniteProjector(weights: identity,
                                                      bound: 2 * Self.inner(identity, definite))
        var x = a.elements
        let projection = try projector.project(&x, maxEvaluations: 100, tolerance: 1e-12, acceptance: 0.01)
        #expect(projection.evaluations == 1 && projection.isWithinBound)
        #expect(isClose(x, expected.elements, tolerance: 1e-12))

        var y = definite.elements
        _ = try projector.project(&y, maxEvaluations: 100, tolerance: 1e-12, acceptance: 0.01)
        #expect(y == definite.elements)
    }

    /// Starting from the previous projection's multiplier changes the work, not the answer: a sequence of
    /// nearby matrices projected by one projector equals each projected by a fresh one, to within what the root's
    /// tolerance (10⁻¹² relative on the bound) allows.
    @Test func warmStartsGiveTheSameProjections() throws {
        let n = 5
        let w = Self.symmetric(n, seed: 5, diagonal: 3).transposedTimesSelf()
        let bound = Self.inner(w, try Self.coneProjection(Self.symmetric(n, seed: 6))) / 5
        var reused = PositiveSemidefiniteProjector(weights: w, bound: bound)
        for step in 0..<6 {
            let a = Self.symmetric(n, seed: 6) + Self.symmetric(n, seed: 10 + UInt64(step)) * 0.05
            var fresh = PositiveSemidefiniteProjector(weights: w, bound: bound)
            var (x, y) = (a.elements, a.elements)
            _ = try reused.project(&x, maxEvaluations: 100, tolerance: 1e-12, acceptance: 0.01)
            _ = try fresh.project(&y, maxEvaluations: 100, tolerance: 1e-12, acceptance: 0.01)
            #expect(isClose(x, y, tolerance: 1e-9), "step \(step)")
        }
    }

    /// NaN in the matrix is an error, not a result.
    @Test func refusesNonFiniteInput() {
        var projector = PositiveSemidefiniteProjector(weights: .identity(2), bound: 1)
        var x = [1, Double.nan, Double.nan, -1]
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "dsyevd")) {
            try projector.project(&x, maxEvaluations: 10, tolerance: 1e-12, acceptance: 0.01)
        }
    }
}
