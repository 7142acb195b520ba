extension LMNN {
    /// The `count` nearest same-class rows of each row of `z` (the data after the initial transform),
    /// row-major n × count, nearest first: `NeighborSearch.withinClasses` on direct distances, so the smallest
    /// Σ(aₗ − bₗ)², equal ones by lower row index (duplicated rows, at distance 0, are taken in index order).
    /// Each class needs more than `count` rows. Cost O(Σ_c n_c²·k') for k' components.
    static func targetNeighbors(in z: Matrix, labels: [Int], count k: Int) -> [Int] {
        var targets = [Int](repeating: 0, count: z.rowCount * k)
        for group in NeighborSearch.withinClasses(of: z, labels: labels, count: k, distances: .direct) {
            for (position, row) in group.members.enumerated() {
                for t in 0..<k { targets[row * k + t] = group.indices[position * k + t] }
            }
        }
        return targets
    }
}
