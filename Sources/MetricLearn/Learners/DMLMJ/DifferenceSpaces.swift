/// DMLMJ's difference spaces: the scatters of the differences between each sample and its nearest neighbours of
/// the same class (positive) and of the other classes (negative).
struct DifferenceSpaces {
    /// S = Σ (xⱼ − xᵢ)(xⱼ − xᵢ)ᵀ / m over the m same-class neighbour pairs (i, j).
    let positive: Matrix
    /// D, the same over the other-class neighbour pairs.
    let negative: Matrix

    /// The spaces of `x` with validated `labels` (at least two classes): `min(neighborCount, n_c − 1)` same-class
    /// and `min(neighborCount, n − n_c)` other-class neighbours per sample of a class of n_c, found by
    /// `NeighborSearch` on direct distances (ties by lower row index). A class of one sample has no same-class
    /// pairs.
    init(_ x: Matrix, labels: [Int], neighborCount: Int) {
        var positive = Scatter(dimension: x.columnCount)
        for group in NeighborSearch.withinClasses(of: x, labels: labels, count: neighborCount) {
            positive.add(x, from: group.members, to: group.indices, perSource: group.count)
        }
        var negative = Scatter(dimension: x.columnCount)
        for (label, members) in ClassLabels.members(of: labels).enumerated() where !members.isEmpty {
            let others = labels.indices.filter { labels[$0] != label }
            let count = min(neighborCount, others.count)
            let nearest = NeighborSearch.nearest(to: x.rows(at: members), in: x.rows(at: others), count: count,
                                                 distances: .direct).indices
            negative.add(x, from: members, to: nearest.map { others[$0] }, perSource: count)
        }
        self.positive = positive.mean
        self.negative = negative.mean
    }
}

/// A running sum of the outer products of differences between rows, and their count.
private struct Scatter {
    private var sum: Matrix
    private var count = 0

    init(dimension d: Int) { sum = Matrix(rowCount: d, columnCount: d) }

    /// Adds (x_t − x_s)(x_t − x_s)ᵀ for every source s of `sources` and each of its `perSource` targets (row-major
    /// in `targets`), one BLAS product for the lot.
    mutating func add(_ x: Matrix, from sources: [Int], to targets: [Int], perSource: Int) {
        guard perSource > 0 else { return }
        let d = x.columnCount
        var differences = Matrix(rowCount: targets.count, columnCount: d)
        for (position, source) in sources.enumerated() {
            for t in 0..<perSource {
                let row = position * perSource + t
                for j in 0..<d { differences[row, j] = x[targets[row], j] - x[source, j] }
            }
        }
        sum += differences.transposedTimesSelf()
        count += targets.count
    }

    /// The mean outer product (zero before any pair).
    var mean: Matrix { count > 0 ? (sum / Double(count)).symmetrized() : sum }
}
