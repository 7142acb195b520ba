/// Nearest neighbours within each class: LMNN's target neighbours, LFDA's local scales and DMLMJ's same-class
/// differences all start here.
extension NeighborSearch {
    /// One class's rows and the nearest other rows of the same class for each of them.
    struct ClassNeighbors {
        /// The class's rows of the data, ascending.
        let members: [Int]
        /// Neighbours per member: `min(count, members.count − 1)`.
        let count: Int
        /// Row-major members.count × count row indices of the data, nearest first.
        let indices: [Int]
        /// The squared distances of `indices`.
        let squaredDistances: [Double]
    }

    /// For each class with at least two rows, in class order, the `min(count, n_c − 1)` nearest other rows of the
    /// same class for each of its n_c rows, by `rule` (ties, such as duplicated rows at distance 0, by lower row
    /// index). Cost O(Σ_c n_c²·d).
    static func withinClasses(of x: Matrix, labels: [Int], count: Int,
                              distances rule: Distances = .direct) -> [ClassNeighbors] {
        return ClassLabels.members(of: labels).filter { $0.count >= 2 }.map { members in
            let k = min(count, members.count - 1)
            let rows = x.rows(at: members)
            // Positions within the class keep the order of the rows, so the search's tie rule is the rows'.
            let (nearest, squaredDistances) = nearest(to: rows, in: rows, count: k, selfOffset: 0, distances: rule)
            return ClassNeighbors(members: members, count: k, indices: nearest.map { members[$0] },
                                  squaredDistances: squaredDistances)
        }
    }
}
