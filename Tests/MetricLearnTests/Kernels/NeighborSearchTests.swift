@testable import MetricLearn
import Testing

@Suite struct NeighborSearchTests {
    /// Every candidate's direct squared distance, sorted by (distance, index): the reference of `.direct`.
    private func bruteForce(_ queries: Matrix, _ points: Matrix, count: Int, selfOffset: Int?) -> [Int] {
        (0..<queries.rowCount).flatMap { query in
            var candidates: [(Double, Int)] = []
            for point in 0..<points.rowCount where point != selfOffset.map({ $0 + query }) {
                var sum = 0.0
                for c in 0..<points.columnCount {
                    let difference = queries[query, c] - points[point, c]
                    sum += difference * difference
                }
                candidates.append((sum, point))
            }
            candidates.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return candidates.prefix(count).map(\.1)
        }
    }

    /// Iris' one-decimal measurements have many distances that are equal up to rounding: with `.direct` they are
    /// decided by the direct values and then by index, exactly as a brute-force sort.
    @Test(arguments: [1, 5, 20])
    func directDistancesGiveTheBruteForceOrder(count: Int) throws {
        let x = try Dataset.iris.features
        let own = NeighborSearch.nearest(to: x, in: x, count: count, selfOffset: 0, distances: .direct)
        #expect(own.indices == bruteForce(x, x, count: count, selfOffset: 0))
        let queries = x.rows(at: Array(stride(from: 0, to: 150, by: 7)))
        let other = NeighborSearch.nearest(to: queries, in: x, count: count, distances: .direct)
        #expect(other.indices == bruteForce(queries, x, count: count, selfOffset: nil))
    }

    /// Both rules give duplicates exactly 0 apart and agree where no distances tie.
    @Test func bothRulesAgreeWithoutTiesAndZeroDuplicates() {
        var generator = SeededGenerator(seed: 21)
        var rows = (0..<600).map { _ in (0..<5).map { _ in 1000 + generator.nextGaussian() } }
        rows[400] = rows[17]
        let x = Matrix(rows: rows)
        let expanded = NeighborSearch.nearest(to: x, in: x, count: 4, selfOffset: 0, distances: .expanded)
        let direct = NeighborSearch.nearest(to: x, in: x, count: 4, selfOffset: 0, distances: .direct)
        #expect(expanded.indices == direct.indices)
        #expect(expanded.indices[17 * 4] == 400 && expanded.indices[400 * 4] == 17)
        #expect(expanded.squaredDistances[17 * 4] == 0 && direct.squaredDistances[400 * 4] == 0)
        #expect(direct.indices == bruteForce(x, x, count: 4, selfOffset: 0))
    }

    /// The single-precision screen drops no neighbour at any scale or offset: features near 1e±140, far from the
    /// origin, or both, keep the brute-force order (`.direct`), and `.expanded` agrees without ties. A screen whose
    /// round-off bound were too small, or whose scaling overflowed or underflowed `Float`, would lose neighbours here.
    @Test(arguments: [(1e-140, 0.0), (1e-3, 0.0), (1.0, 0.0), (1.0, 1e4), (1e6, 1e9), (1e140, 0.0), (1e140, 1e143)])
    func theSinglePrecisionScreenKeepsEveryNeighbour(scale: Double, offset: Double) {
        var generator = SeededGenerator(seed: 23)
        // Clusters of near neighbours (s.d. 10⁻³ around 40 centres) make many candidates close to every bound.
        let centres = (0..<40).map { _ in (0..<12).map { _ in generator.nextGaussian() } }
        let rows = (0..<800).map { i in centres[i % 40].map { offset + scale * ($0 + 1e-3 * generator.nextGaussian()) } }
        let x = Matrix(rows: rows)
        let queries = x.rows(at: Array(stride(from: 3, to: 800, by: 11)))
        let direct = NeighborSearch.nearest(to: queries, in: x, count: 15, distances: .direct)
        #expect(direct.indices == bruteForce(queries, x, count: 15, selfOffset: nil))
        let expanded = NeighborSearch.nearest(to: x, in: x, count: 15, selfOffset: 0, distances: .expanded)
        #expect(expanded.indices == bruteForce(x, x, count: 15, selfOffset: 0))
    }

    /// The slack exceeds the expansion's round-off, here for points far from the origin, where it is largest.
    @Test func theSlackCoversTheExpansionsRoundOff() {
        var generator = SeededGenerator(seed: 22)
        let x = Matrix(rows: (0..<300).map { _ in (0..<40).map { _ in 1e4 + generator.nextGaussian() } })
        let norms = x.rowSquaredNorms()
        let expanded = PairwiseDistances.squaredEuclidean(x, x)
        var worst = 0.0
        x.elements.withUnsafeBufferPointer { points in
            for a in 0..<x.rowCount {
                for b in 0..<x.rowCount where a != b {
                    let error = abs(expanded[a, b] - points.squaredDistance(between: a, and: b, width: x.columnCount))
                    worst = max(worst, error / ScreenedDistances.slack(norms[a], norms[b]))
                }
            }
        }
        #expect(worst < 0.01)
        #expect(worst > 0)      // the expansion did round: the check is not vacuous
    }
}
