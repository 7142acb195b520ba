extension LMNN {
    /// The `count` nearest same-class rows of each row of `z` (the data after the initial transform),
    /// row-major n × count, nearest first; equal squared distances are ordered by lower row index, so
    /// duplicated rows (distance 0) are taken in index order. Each class needs more than `count` rows.
    ///
    /// Per class, squared distances come in row blocks from `PairwiseDistances.forEachBlock` (one `dgemm` a block,
    /// memory O(block · class size)); the rows within `expansionSlack` of the k-th smallest are then recomputed
    /// exactly by direct differences and sorted by (distance, index), so round-off in the expansion cannot
    /// change the choice. Cost O(Σ_c n_c² · k') for k' components.
    static func targetNeighbors(in z: Matrix, labels: [Int], count k: Int) -> [Int] {
        var targets = [Int](repeating: 0, count: z.rowCount * k)
        let classCount = (labels.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { members[label].append(index) }
        var smallest = [Double](repeating: 0, count: k)
        var candidates: [(distance: Double, index: Int)] = []

        for group in members where !group.isEmpty {
            let rows = z.rows(at: group)
            let norms = rows.rowSquaredNorms()
            let largestNorm = norms.max() ?? 0
            rows.elements.withUnsafeBufferPointer { points in
                PairwiseDistances.forEachBlock(queries: rows, references: rows,
                                               blockRowCount: BlockedSearch.blockRowCount(referenceCount: rows.rowCount)) {
                    block, distances in
                    let m = group.count
                    for query in block {
                        let row = (query - block.lowerBound) * m
                        // The k-th smallest screened distance to another row.
                        for t in 0..<k { smallest[t] = .infinity }
                        for other in 0..<m where other != query {
                            let value = distances[row + other]
                            guard value < smallest[k - 1] else { continue }
                            var t = k - 1
                            while t > 0 && smallest[t - 1] > value {
                                smallest[t] = smallest[t - 1]
                                t -= 1
                            }
                            smallest[t] = value
                        }
                        let cutoff = smallest[k - 1] + BlockedSearch.expansionSlack(norms[query], largestNorm)
                        candidates.removeAll(keepingCapacity: true)
                        for other in 0..<m where other != query && distances[row + other] <= cutoff {
                            candidates.append((points.squaredDistance(between: query, and: other, width: rows.columnCount),
                                               group[other]))
                        }
                        candidates.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
                        for t in 0..<k { targets[group[query] * k + t] = candidates[t].index }
                    }
                }
            }
        }
        return targets
    }
}
