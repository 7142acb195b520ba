/// The package's one top-k selection: the `capacity` best (distance, index) candidates seen so far, as a
/// max-heap whose root is the worst kept candidate. k-NN search and LMNN's target neighbours (through
/// `NeighborSearch`) and ReliefF's nearest hits and misses all select with it.
///
/// **Tie rule.** Candidates are ordered by (distance, index): the smaller distance first and, at equal distance,
/// the lower index. That is a total order on distinct indices, so the kept set and its order do not depend on
/// the order in which candidates are offered, and every search is deterministic. The distances offered are the
/// caller's: squared Euclidean ones as `NeighborSearch.Distances` says, ReliefF's Manhattan ones computed directly.
///
/// Storage is allocated once and reused across queries (`drain` empties the heap but keeps it), so selecting
/// allocates nothing per query. Offering costs O(log capacity) when the candidate is kept and O(1) when it is not.
struct NeighborHeap {
    private var distances: [Double]
    private var indices: [Int]
    private(set) var count = 0
    let capacity: Int

    /// - Precondition: `capacity ≥ 1`.
    init(capacity: Int) {
        precondition(capacity >= 1, "a neighbour heap needs room for at least one candidate")
        self.capacity = capacity
        distances = [Double](repeating: 0, count: capacity)
        indices = [Int](repeating: 0, count: capacity)
    }

    /// The distance of the worst kept candidate once the heap is full (∞ until then): a candidate farther than
    /// this cannot be kept, one at this distance only with a lower index than the worst one's.
    var bound: Double { count < capacity ? .infinity : distances[0] }

    /// Offers a candidate (each index at most once between two `drain`s); it is kept when the heap has room
    /// or it comes before the worst kept candidate in the (distance, index) order.
    mutating func offer(distance: Double, index: Int) {
        if count < capacity {
            var child = count
            count += 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard isWorse(distance, index, than: parent) else { break }
                distances[child] = distances[parent]
                indices[child] = indices[parent]
                child = parent
            }
            distances[child] = distance
            indices[child] = index
        } else if distance < distances[0] || (distance == distances[0] && index < indices[0]) {
            siftDown(distance: distance, index: index, from: 0, end: count)
        }
    }

    /// Writes the kept candidates nearest first into `outDistances` and `outIndices` at `offset ..< offset + count`
    /// and empties the heap.
    mutating func drain(intoDistances outDistances: UnsafeMutablePointer<Double>, indices outIndices: UnsafeMutablePointer<Int>,
                        at offset: Int) {
        var end = count
        while end > 0 {
            end -= 1
            outDistances[offset + end] = distances[0]
            outIndices[offset + end] = indices[0]
            siftDown(distance: distances[end], index: indices[end], from: 0, end: end)
        }
        count = 0
    }

    /// Whether (distance, index) comes after the candidate at `slot` in the (distance, index) order.
    private func isWorse(_ distance: Double, _ index: Int, than slot: Int) -> Bool {
        distance > distances[slot] || (distance == distances[slot] && index > indices[slot])
    }

    /// Places (distance, index) into the hole at `start` of the heap `0..<end`, moving worse children up.
    private mutating func siftDown(distance: Double, index: Int, from start: Int, end: Int) {
        var hole = start
        while true {
            var child = 2 * hole + 1
            guard child < end else { break }
            if child + 1 < end, isWorse(distances[child + 1], indices[child + 1], than: child) { child += 1 }
            guard !isWorse(distance, index, than: child) else { break }
            distances[hole] = distances[child]
            indices[hole] = indices[child]
            hole = child
        }
        distances[hole] = distance
        indices[hole] = index
    }
}
