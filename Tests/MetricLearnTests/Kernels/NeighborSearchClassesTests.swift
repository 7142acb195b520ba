@testable import MetricLearn
import Testing

@Suite struct NeighborSearchClassesTests {
    /// Neighbours stay within the class, their count is capped at the class size − 1, a class of one row is left
    /// out, and equal distances go to the lower row.
    @Test func searchesWithinEachClass() {
        let x = Matrix(rows: [[0], [5], [1], [6], [-1], [9], [7]])
        let groups = NeighborSearch.withinClasses(of: x, labels: [0, 1, 0, 1, 0, 2, 1], count: 5)
        #expect(groups.map(\.members) == [[0, 2, 4], [1, 3, 6]])
        #expect(groups.map(\.count) == [2, 2])
        #expect(groups[0].indices == [2, 4, 0, 4, 0, 2])     // row 0: rows 2 and 4 both at 1, lower first
        #expect(groups[0].squaredDistances == [1, 1, 1, 4, 1, 4])
        #expect(groups[1].indices == [3, 6, 1, 6, 3, 1])     // row 3: rows 1 and 6 both at 1
    }
}
