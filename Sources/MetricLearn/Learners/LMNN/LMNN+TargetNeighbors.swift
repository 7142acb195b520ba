extension LMNN {
    /// The `count` nearest same-class rows of each row of `z` (the data after the initial transform),
    /// row-major n × count, nearest first: `NeighborSearch` within each class on direct distances, so the smallest
    /// Σ(aₗ − bₗ)², equal ones by lower row index (duplicated rows, at distance 0, are taken in index order).
    /// Each class needs more than `count` rows. Cost O(Σ_c n_c²·k') for k' components.
    static func targetNeighbors(in z: Matrix, labels: [Int], count k: Int) -> [Int] {
        var targets = [Int](repeating: 0, count: z.rowCount * k)
        let classCount = (labels.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { members[label].append(index) }
        for group in members where !group.isEmpty {
            let rows = z.rows(at: group)
            // Positions within the class keep the order of the rows, so the search's tie rule is the rows'.
            let nearest = NeighborSearch.nearest(to: rows, in: rows, count: k, selfOffset: 0, distances: .direct).indices
            for (position, row) in group.enumerated() {
                for t in 0..<k { targets[row * k + t] = group[nearest[position * k + t]] }
            }
        }
        return targets
    }
}
