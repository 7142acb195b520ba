extension PairConstraints {
    /// Draws up to `count` distinct similar pairs (same label) and up to `count` distinct dissimilar
    /// pairs (different labels) from validated `labels`.
    ///
    /// As in metric-learn's `Constraints.positive_negative_pairs`, each pair is drawn by picking an anchor
    /// sample uniformly (among the samples that have a partner of the wanted kind) and then a partner
    /// uniformly among the anchor's same-class (or other-class) samples; the pair keeps that order.
    /// Repeats of an unordered pair are rejected. When `count` exceeds half the number of possible pairs of
    /// a kind, that kind is instead enumerated, shuffled and cut to `count`, so sampling always ends quickly.
    /// Fewer pairs than `count` come back only when fewer exist.
    static func sampled(labels: [Int], count: Int, generator: inout SeededGenerator) -> PairConstraints {
        let classes = ClassIndex(labels: labels)
        let similar = classes.sampledPairs(count: count, sameClass: true, generator: &generator)
        let dissimilar = classes.sampledPairs(count: count, sameClass: false, generator: &generator)
        return PairConstraints(similarPairs: similar, dissimilarPairs: dissimilar)
    }
}

/// Sample indices grouped by class, for drawing same-class and other-class partners in O(1).
private struct ClassIndex {
    let labels: [Int]
    /// All sample indices, grouped by label in increasing order, ascending within a class.
    let grouped: [Int]
    /// `grouped[start[c] ..< start[c + 1]]` are the samples of class c.
    let start: [Int]
    /// The position of each sample within its class group.
    let position: [Int]

    init(labels: [Int]) {
        self.labels = labels
        let classCount = (labels.max() ?? -1) + 1
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        var start = [Int](repeating: 0, count: classCount + 1)
        for c in 0..<classCount { start[c + 1] = start[c] + counts[c] }
        var grouped = [Int](repeating: 0, count: labels.count)
        var position = [Int](repeating: 0, count: labels.count)
        var filled = [Int](repeating: 0, count: classCount)
        for (index, label) in labels.enumerated() {
            position[index] = filled[label]
            grouped[start[label] + filled[label]] = index
            filled[label] += 1
        }
        self.grouped = grouped
        self.start = start
        self.position = position
    }

    func size(of label: Int) -> Int { start[label + 1] - start[label] }

    /// The number of partners of the wanted kind that `sample` has.
    func partnerCount(of sample: Int, sameClass: Bool) -> Int {
        let size = size(of: labels[sample])
        return sameClass ? size - 1 : labels.count - size
    }

    /// The `rank`-th partner (0-based) of `sample` among its same-class (or other-class) samples, in index order.
    func partner(of sample: Int, rank: Int, sameClass: Bool) -> Int {
        let label = labels[sample]
        if sameClass {
            return grouped[start[label] + (rank < position[sample] ? rank : rank + 1)]
        }
        return grouped[rank < start[label] ? rank : rank + size(of: label)]
    }

    func sampledPairs(count: Int, sameClass: Bool, generator: inout SeededGenerator) -> [PairConstraints.Pair] {
        let n = labels.count
        let possible = (0..<n).reduce(0) { $0 + partnerCount(of: $1, sameClass: sameClass) } / 2
        let wanted = min(count, possible)
        guard wanted > 0 else { return [] }

        if 2 * wanted > possible {
            var all: [PairConstraints.Pair] = []
            all.reserveCapacity(possible)
            for i in 0..<n {
                for rank in 0..<partnerCount(of: i, sameClass: sameClass) {
                    let j = partner(of: i, rank: rank, sameClass: sameClass)
                    if j > i { all.append(PairConstraints.Pair(i, j)) }
                }
            }
            generator.shuffle(&all)
            return Array(all.prefix(wanted))
        }

        let anchors = (0..<n).filter { partnerCount(of: $0, sameClass: sameClass) > 0 }
        var seen = Set<Int>()
        var pairs: [PairConstraints.Pair] = []
        pairs.reserveCapacity(wanted)
        while pairs.count < wanted {
            let anchor = anchors[generator.nextIndex(below: anchors.count)]
            let rank = generator.nextIndex(below: partnerCount(of: anchor, sameClass: sameClass))
            let other = partner(of: anchor, rank: rank, sameClass: sameClass)
            if seen.insert(min(anchor, other) * n + max(anchor, other)).inserted {
                pairs.append(PairConstraints.Pair(anchor, other))
            }
        }
        return pairs
    }
}
