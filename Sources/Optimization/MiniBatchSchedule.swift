/// `Adam`'s split of the samples into a held-back sample and training batches (see `Adam`).
struct MiniBatchSchedule {
    /// The held-back samples in batches of at most `batchSize`, each ascending (none when nothing is held back).
    let heldBack: [[Int]]
    /// The training samples, ascending.
    let training: [Int]
    /// The stratum of each sample, or nil.
    let strata: [Int]?
    /// The most samples per batch.
    let batchSize: Int

    /// Holds back the first `heldBackCount` samples of a seeded (stratified) permutation of 0..<`sampleCount`.
    init(sampleCount: Int, strata: [Int]?, heldBackCount: Int, batchSize: Int, generator: inout SeededGenerator) {
        self.strata = strata
        self.batchSize = batchSize
        let order = Self.permutation(of: Array(0..<sampleCount), strata: strata, generator: &generator)
        heldBack = heldBackCount == 0 ? [] : Self.batches(of: Array(order.prefix(heldBackCount)), size: batchSize)
        training = order.dropFirst(heldBackCount).sorted()
    }

    /// One epoch's batches: a new seeded (stratified) permutation of the training samples cut by `batches(of:size:)`.
    func epochBatches(generator: inout SeededGenerator) -> [[Int]] {
        Self.batches(of: Self.permutation(of: training, strata: strata, generator: &generator), size: batchSize)
    }

    /// `order` cut into ⌈m / `size`⌉ consecutive batches whose sizes differ by at most one, each ascending.
    static func batches(of order: [Int], size: Int) -> [[Int]] {
        let m = order.count
        let count = max(1, m / size + (m % size == 0 ? 0 : 1))     // ⌈m / size⌉ without m + size overflowing
        return (0..<count).map { Array(order[($0 * m / count)..<(($0 + 1) * m / count)]).sorted() }
    }

    /// `samples` in a seeded random order; with `strata`, each stratum is shuffled and the strata are interleaved
    /// by their fractional ranks (rank + uₛ)/nₛ (uₛ uniform per stratum), so every prefix holds each stratum in
    /// proportion, to within one sample.
    static func permutation(of samples: [Int], strata: [Int]?, generator: inout SeededGenerator) -> [Int] {
        guard let strata else {
            var order = samples
            generator.shuffle(&order)
            return order
        }
        let stratumCount = (samples.map { strata[$0] }.max() ?? -1) + 1
        var groups = [[Int]](repeating: [], count: stratumCount)
        for sample in samples { groups[strata[sample]].append(sample) }
        var keyed: [(key: Double, stratum: Int, sample: Int)] = []
        keyed.reserveCapacity(samples.count)
        for stratum in groups.indices where !groups[stratum].isEmpty {
            generator.shuffle(&groups[stratum])
            let offset = generator.nextUniform()
            let size = Double(groups[stratum].count)
            for (rank, sample) in groups[stratum].enumerated() {
                keyed.append(((Double(rank) + offset) / size, stratum, sample))
            }
        }
        keyed.sort { ($0.key, $0.stratum) < ($1.key, $1.stratum) }
        return keyed.map(\.sample)
    }
}
