/// The impostors of a block of rows: for each row i, the rows l of another class with
/// ‖zᵢ − z_l‖² < rᵢ, where rᵢ = 1 + the largest squared distance from i to its target neighbours.
/// These are exactly the l that make at least one triplet (i, j, l) active.
struct ImpostorBlock {
    /// The rows whose impostors are listed.
    private(set) var rows: Range<Int> = 0..<0
    /// Row `rows.lowerBound + r` has its impostors at `offsets[r] ..< offsets[r + 1]`.
    private(set) var offsets: [Int] = [0]
    /// Impostor row indices, ascending within each row.
    private(set) var indices: [Int] = []
    /// Their exact squared distances ‖zᵢ − z_l‖².
    private(set) var squaredDistances: [Double] = []

    /// Lists the impostors of every row of `z`, one block of rows at a time, calling `body` with each block.
    ///
    /// Squared distances come from `PairwiseDistances.forEachBlock` (one `dgemm` a block); rows that pass the
    /// screen with `expansionSlack` are recomputed exactly by direct differences and kept when strictly inside
    /// the radius, so the result equals a brute-force search. Memory: the distance block plus this list, both
    /// O(block · n); the buffers are reused from block to block (and from call to call through `block`).
    static func forEachBlock(in z: Matrix, labels: [Int], radii: [Double], reusing block: inout ImpostorBlock,
                             _ body: (ImpostorBlock) -> Void) {
        let n = z.rowCount
        let norms = z.rowSquaredNorms()
        let largestNorm = norms.max() ?? 0
        z.elements.withUnsafeBufferPointer { points in
            labels.withUnsafeBufferPointer { labels in
                PairwiseDistances.forEachBlock(queries: z, references: z) { rows, distances in
                    block.rows = rows
                    block.offsets.removeAll(keepingCapacity: true)
                    block.offsets.append(0)
                    block.indices.removeAll(keepingCapacity: true)
                    block.squaredDistances.removeAll(keepingCapacity: true)
                    for i in rows {
                        let row = (i - rows.lowerBound) * n
                        let label = labels[i]
                        let radius = radii[i]
                        let screen = radius + expansionSlack(norms[i], largestNorm)
                        for l in 0..<n where distances[row + l] < screen && labels[l] != label {
                            let exact = points.squaredDistance(between: i, and: l, width: z.columnCount)
                            if exact < radius {
                                block.indices.append(l)
                                block.squaredDistances.append(exact)
                            }
                        }
                        block.offsets.append(block.indices.count)
                    }
                    body(block)
                }
            }
        }
    }
}
