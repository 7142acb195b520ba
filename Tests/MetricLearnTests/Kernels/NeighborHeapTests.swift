@testable import MetricLearn
import Testing

@Suite struct NeighborHeapTests {
    /// Drains `heap` into arrays of its count.
    private func drained(_ heap: inout NeighborHeap) -> (distances: [Double], indices: [Int]) {
        var distances = [Double](repeating: .nan, count: heap.count), indices = [Int](repeating: -1, count: heap.count)
        heap.drain(intoDistances: &distances, indices: &indices, at: 0)
        return (distances, indices)
    }

    /// The tie rule: by distance, then by lower index, whatever the order of the offers.
    @Test func keepsTheSmallestByDistanceThenIndexInAnyOfferOrder() {
        let candidates: [(Double, Int)] = [(2, 7), (1, 9), (2, 3), (0, 12), (1, 4), (2, 5), (3, 0), (1, 11)]
        let expected = candidates.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var orders = [candidates, candidates.reversed()]
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<20 { orders.append(candidates.shuffled(using: &generator)) }
        for capacity in 1...candidates.count {
            for order in orders {
                var heap = NeighborHeap(capacity: capacity)
                for (distance, index) in order { heap.offer(distance: distance, index: index) }
                let (distances, indices) = drained(&heap)
                #expect(distances == expected.prefix(capacity).map(\.0), "capacity \(capacity)")
                #expect(indices == expected.prefix(capacity).map(\.1), "capacity \(capacity)")
            }
        }
    }

    @Test func aTieAtTheBoundaryGoesToTheLowerIndex() {
        var heap = NeighborHeap(capacity: 2)
        for (distance, index) in [(1.0, 8), (5.0, 6), (5.0, 2), (5.0, 4)] { heap.offer(distance: distance, index: index) }
        #expect(heap.bound == 5)
        let kept = drained(&heap)
        #expect(kept.indices == [8, 2])
    }

    @Test func drainingEmptiesTheHeapForTheNextQuery() {
        var heap = NeighborHeap(capacity: 3)
        #expect(heap.bound == .infinity)
        for index in 0..<5 { heap.offer(distance: Double(10 - index), index: index) }
        let first = drained(&heap)
        #expect(first.indices == [4, 3, 2])
        #expect(heap.count == 0 && heap.bound == .infinity)
        heap.offer(distance: 7, index: 1)
        let again = drained(&heap)
        #expect(again.distances == [7] && again.indices == [1])
    }
}
