/// Side information for RCA: chunklets, groups of samples (row indices) known to belong to the same class,
/// without saying which class.
///
/// ```swift
/// let chunklets = Chunklets([[0, 4, 9], [2, 3]])
/// let metric = try RCA().fit(x, supervision: .chunklets(chunklets), progress: nil)
/// ```
public struct Chunklets: Sendable, Hashable, Codable {
    /// The chunklets, each a list of distinct row indices; a row belongs to at most one.
    public var groups: [[Int]]

    /// Chunklets from lists of row indices.
    public init(_ groups: [[Int]]) {
        self.groups = groups
    }

    /// Chunklets from one chunklet number per row (nil: the row is in no chunklet), as a chunk column gives
    /// them, in increasing chunklet number; each chunklet lists its rows in increasing order.
    public init(assignments: [Int?]) {
        var members: [Int: [Int]] = [:]
        for (row, chunklet) in assignments.enumerated() {
            if let chunklet { members[chunklet, default: []].append(row) }
        }
        self.init(members.keys.sorted().map { members[$0] ?? [] })
    }

    /// The number of rows in chunklets.
    public var sampleCount: Int { groups.reduce(0) { $0 + $1.count } }
}

extension Chunklets {
    /// Checks every index against `sampleCount`, that no row is in two chunklets (or twice in one), and that
    /// some chunklet has two rows. The error names the chunklet (`chunklets[3]`).
    func validate(sampleCount: Int) throws(MetricLearnError) {
        var seen = Set<Int>()
        for (index, group) in groups.enumerated() {
            for row in group {
                try Validation.requireData((0..<sampleCount).contains(row), "chunklets[\(index)]", row,
                                           "row indices must be in 0..<\(sampleCount)")
                try Validation.requireData(seen.insert(row).inserted, "chunklets[\(index)]", row,
                                           "a row can be in one chunklet only, once")
            }
        }
        try Validation.requireData(groups.contains { $0.count >= 2 }, "chunklets", "\(groups.count) chunklets",
                                   "at least one chunklet of two or more rows is needed")
    }

    /// Up to `count` chunklets of `size` rows drawn from validated `labels` as metric-learn's `RCA_Supervised`
    /// draws them: pick a class uniformly among those left, then `size` of its rows not yet used, uniformly
    /// without replacement; a class with fewer than `size` unused rows leaves the draw. Fewer than `count`
    /// chunklets come back only when the classes cannot fill more.
    static func sampled(labels: [Int], count: Int, size: Int, generator: inout SeededGenerator) -> Chunklets {
        var pools = ClassLabels.members(of: labels)
        pools.removeAll { $0.isEmpty }
        var groups: [[Int]] = []
        while groups.count < count && !pools.isEmpty {
            let chosen = pools.count == 1 ? 0 : generator.nextIndex(below: pools.count)
            guard pools[chosen].count >= size else {
                pools.remove(at: chosen)
                continue
            }
            var pool = pools[chosen]
            for t in 0..<size { pool.swapAt(t, t + generator.nextIndex(below: pool.count - t)) }
            groups.append(pool[..<size].sorted())
            pools[chosen] = Array(pool[size...])
        }
        return Chunklets(groups)
    }
}
