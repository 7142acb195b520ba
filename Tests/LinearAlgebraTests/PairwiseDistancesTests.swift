import LinearAlgebra
import Testing

@Suite struct PairwiseDistancesTests {
    let queries = Matrix(rows: [[0, 0], [3, 4], [1, 1]])
    let references = Matrix(rows: [[0, 0], [6, 8]])

    @Test func handComputedDistances() {
        let d = PairwiseDistances.squaredEuclidean(queries, references)
        #expect(d.rowCount == 3 && d.columnCount == 2)
        #expect(d.elements == [0, 100, 25, 25, 2, 74])
    }

    @Test func blocksCoverEveryRowOnce() {
        var seen: [Int] = []
        var collected: [Double] = []
        PairwiseDistances.forEachBlock(queries: queries, references: references, blockRowCount: 2) { rows, block in
            seen.append(contentsOf: rows)
            #expect(block.count == rows.count * references.rowCount)
            collected.append(contentsOf: block)
        }
        #expect(seen == [0, 1, 2])
        #expect(collected == PairwiseDistances.squaredEuclidean(queries, references).elements)
    }

    @Test func clampsRoundOffAtZero() {
        // Large, nearly equal points: ‖a‖² + ‖b‖² − 2a·b cancels catastrophically; results must stay ≥ 0.
        let x = Matrix(rows: [[1e8 + 0.1, 1e8], [1e8, 1e8 + 0.1], [1e8, 1e8]])
        let d = PairwiseDistances.squaredEuclidean(x, x)
        #expect(d.elements.allSatisfy { $0 >= 0 })
    }
}
