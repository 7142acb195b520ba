/// The candidate impostor pairs of one block: pairs {a, b} of rows of different classes with
/// ‖z_a − z_b‖² < max(r_a, r_b), where rᵢ = 1 + the largest squared distance from i to its target neighbours.
///
/// b is an impostor of a exactly when the distance is below r_a (and a of b when below r_b); these are the
/// l that make at least one triplet (i, j, l) active. Each unordered pair appears once, with both directions.
struct ImpostorPairs {
    /// The pairs' rows (`first[p]` has the lower class label).
    private(set) var first: [Int] = []
    private(set) var second: [Int] = []
    /// Their exact squared distances ‖z_a − z_b‖².
    private(set) var squaredDistances: [Double] = []

    var count: Int { first.count }

    /// Finds every candidate pair of `z`, calling `body` once per block of pairs.
    ///
    /// Rows are grouped by class and each class c is compared with the classes after it, so each
    /// different-class pair is measured once and same-class pairs never: Σ_{c<c'} n_c·n_c' distances,
    /// from `PairwiseDistances.forEachBlock` (one `dgemm` a block). Pairs that pass the screen with
    /// `ScreenedDistances.slack` are recomputed exactly by direct differences and kept when strictly inside a
    /// radius, so the result equals a brute-force search. Memory: the distance block plus the pairs of one block,
    /// both O(block · n), in buffers reused from block to block (and from call to call through `pairs`).
    static func forEachBlock(in z: Matrix, labels: [Int], radii: [Double], reusing pairs: inout ImpostorPairs,
                             _ body: (ImpostorPairs) -> Void) {
        let order = labels.indices.sorted { (labels[$0], $0) < (labels[$1], $1) }
        var classStarts = [0]
        for position in 1..<max(order.count, 1) where labels[order[position]] != labels[order[position - 1]] {
            classStarts.append(position)
        }
        // One screening slack for all pairs, at least each pair's own.
        let largestNorm = z.rowSquaredNorms().max() ?? 0
        let slack = ScreenedDistances.slack(largestNorm, largestNorm)
        z.elements.withUnsafeBufferPointer { points in
            for (index, start) in classStarts.enumerated().dropLast() {
                let end = classStarts[index + 1]
                let queryRows = Array(order[start..<end])
                let referenceRows = Array(order[end...])
                let referenceRadii = referenceRows.map { radii[$0] }
                let screens = referenceRadii.map { $0 + slack }
                PairwiseDistances.forEachBlock(queries: z.rows(at: queryRows), references: z.rows(at: referenceRows),
                                               blockRowCount: blockRowCount(referenceCount: referenceRows.count)) {
                    block, distances in
                    pairs.first.removeAll(keepingCapacity: true)
                    pairs.second.removeAll(keepingCapacity: true)
                    pairs.squaredDistances.removeAll(keepingCapacity: true)
                    let m = referenceRows.count
                    for query in block {
                        let a = queryRows[query]
                        let radius = radii[a]
                        let row = UnsafeBufferPointer(rebasing: distances[((query - block.lowerBound) * m)...].prefix(m))
                        screens.withUnsafeBufferPointer { screens in
                            forEachScreened(row, below: screens, or: radius + slack) { column in
                                let exact = points.squaredDistance(between: a, and: referenceRows[column], width: z.columnCount)
                                if exact < radius || exact < referenceRadii[column] {
                                    pairs.first.append(a)
                                    pairs.second.append(referenceRows[column])
                                    pairs.squaredDistances.append(exact)
                                }
                            }
                        }
                    }
                    body(pairs)
                }
            }
        }
    }

    /// A block height whose distances (about 1 MiB) stay in cache between the `dgemm` that writes them and
    /// the scan that reads them.
    private static func blockRowCount(referenceCount: Int) -> Int {
        max(8, (1 << 17) / max(referenceCount, 1))
    }

    /// Calls `body` with each index c where `values[c] < thresholds[c]` or `values[c] < bound`, in order.
    ///
    /// Four lanes at a time (`SIMD4`): almost every pair fails the screen, so the common case is two
    /// vector comparisons and one branch per four pairs.
    @inline(__always)
    private static func forEachScreened(_ values: UnsafeBufferPointer<Double>, below thresholds: UnsafeBufferPointer<Double>,
                                        or bound: Double, _ body: (Int) -> Void) {
        guard let v = values.baseAddress, let t = thresholds.baseAddress else { return }
        let count = values.count
        let bounds = SIMD4<Double>(repeating: bound)
        var c = 0
        while c + 4 <= count {
            let lanes = UnsafeRawPointer(v + c).loadUnaligned(as: SIMD4<Double>.self)
            let hits = (lanes .< UnsafeRawPointer(t + c).loadUnaligned(as: SIMD4<Double>.self)) .| (lanes .< bounds)
            if any(hits) {
                for lane in 0..<4 where hits[lane] { body(c + lane) }
            }
            c += 4
        }
        while c < count {
            if v[c] < t[c] || v[c] < bound { body(c) }
            c += 1
        }
    }
}
