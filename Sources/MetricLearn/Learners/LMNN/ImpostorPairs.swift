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
    /// `expansionSlack` are recomputed exactly by direct differences and kept when strictly inside a radius,
    /// so the result equals a brute-force search. Memory: the distance block plus the pairs of one block,
    /// both O(block · n), in buffers reused from block to block (and from call to call through `pairs`).
    static func forEachBlock(in z: Matrix, labels: [Int], radii: [Double], reusing pairs: inout ImpostorPairs,
                             _ body: (ImpostorPairs) -> Void) {
        let order = labels.indices.sorted { (labels[$0], $0) < (labels[$1], $1) }
        var classStarts = [0]
        for position in 1..<max(order.count, 1) where labels[order[position]] != labels[order[position - 1]] {
            classStarts.append(position)
        }
        let largestNorm = z.rowSquaredNorms().max() ?? 0
        z.elements.withUnsafeBufferPointer { points in
            for (index, start) in classStarts.enumerated().dropLast() {
                let end = classStarts[index + 1]
                let queryRows = Array(order[start..<end])
                let referenceRows = Array(order[end...])
                let referenceRadii = referenceRows.map { radii[$0] }
                let queries = z.rows(at: queryRows)
                let queryNorms = queries.rowSquaredNorms()
                PairwiseDistances.forEachBlock(queries: queries, references: z.rows(at: referenceRows)) { block, distances in
                    pairs.first.removeAll(keepingCapacity: true)
                    pairs.second.removeAll(keepingCapacity: true)
                    pairs.squaredDistances.removeAll(keepingCapacity: true)
                    let m = referenceRows.count
                    for query in block {
                        let a = queryRows[query]
                        let radius = radii[a]
                        let slack = expansionSlack(queryNorms[query], largestNorm)
                        let row = (query - block.lowerBound) * m
                        for column in 0..<m where distances[row + column] < max(radius, referenceRadii[column]) + slack {
                            let b = referenceRows[column]
                            let exact = points.squaredDistance(between: a, and: b, width: z.columnCount)
                            if exact < radius || exact < referenceRadii[column] {
                                pairs.first.append(a)
                                pairs.second.append(b)
                                pairs.squaredDistances.append(exact)
                            }
                        }
                    }
                    body(pairs)
                }
            }
        }
    }
}
