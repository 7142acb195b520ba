import LinearAlgebra
import Testing

/// `Matrix.centeredGram(about:groups:)`: the scatter of a centred copy, in one pass without the copy.
@Suite struct CenteredGramTests {
    /// 5 000 rows (several jobs and blocks, a last block cut short) of 7 columns far from the origin, so that
    /// centring matters: the scatter about column means and about group means, and Σ‖xᵢ − cᵢ‖⁴, equal the
    /// centred copy's to 1e-12 relative.
    @Test(arguments: [false, true])
    func equalsTheScatterOfACentredCopy(grouped: Bool) {
        let (n, d) = (5_003, 7)
        var state: UInt64 = 42
        let elements = (0..<(n * d)).map { index -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 1_000 * Double(index % d + 1) + Double(state >> 11) / Double(1 << 53)
        }
        let x = Matrix(rowCount: n, columnCount: d, elements: elements)
        let groups = grouped ? (0..<n).map { $0 % 3 } : nil
        var offsets = Matrix(rowCount: grouped ? 3 : 1, columnCount: d)
        for g in 0..<offsets.rowCount {
            let rows = (0..<n).filter { (groups?[$0] ?? 0) == g }
            for j in 0..<d { offsets[g, j] = rows.reduce(0) { $0 + x[$1, j] } / Double(rows.count) }
        }
        var centred = x
        for i in 0..<n { for j in 0..<d { centred[i, j] -= offsets[groups?[i] ?? 0, j] } }
        let expected = centred.transposedTimesSelf()
        let expectedFourth = centred.rowSquaredNorms().reduce(0) { $0 + $1 * $1 }

        let (gram, fourth) = x.centeredGram(about: offsets, groups: groups)
        let scale = expected.elements.map(abs).max() ?? 1
        #expect(isClose(gram, expected, tolerance: 1e-12 * scale))
        #expect(abs(fourth - expectedFourth) <= 1e-12 * expectedFourth)
        #expect(gram == gram.transposed())
        if !grouped { #expect(isClose(x.covariance(), expected / Double(n - 1), tolerance: 1e-12 * scale / Double(n))) }
    }
}
