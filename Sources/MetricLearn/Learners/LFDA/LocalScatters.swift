/// LFDA's local scatter matrices of a labelled sample (Sugiyama 2007, section 3.2), built class by class.
///
/// For a class c with rows X_c centred on the class mean, G_c = ½·Σᵢⱼ Aᵢⱼ(xᵢ − xⱼ)(xᵢ − xⱼ)ᵀ =
/// X_cᵀ·diag(A·1)·X_c − X_cᵀ·A·X_c is the affinity-weighted scatter of its pairs and W_c = X_cᵀX_c its ordinary
/// scatter. Then
///
/// - S_w = Σ_c G_c / n_c (the local within-class scatter),
/// - S_lm = S_t + Σ_c (G_c − n_c·W_c) / n (the local mixture scatter: same-class pairs weighted Aᵢⱼ/n, the others
///   1/n, where the all-pairs part is the total scatter S_t of the centred data),
/// - S_b = S_lm − S_w (the local between-class scatter).
///
/// Centring (on the class mean, and on the overall mean for S_t) leaves the scatters of differences unchanged
/// and keeps the sums from cancelling large numbers.
struct LocalScatters {
    /// S_b, the local between-class scatter (indefinite in general).
    let between: Matrix
    /// S_w, the local within-class scatter (positive semidefinite).
    let within: Matrix
    /// S_t, the total scatter of the centred data: its span is the data's.
    let total: Matrix

    /// The scatters of `x` with validated `labels`, local scales from the `neighborCount`-th same-class
    /// neighbour (`min(neighborCount, n_c − 1)` in a class of n_c rows; a class of one row adds nothing).
    init(_ x: Matrix, labels: [Int], neighborCount: Int) {
        let d = x.columnCount
        var within = [Double](repeating: 0, count: d * d)           // Σ_c G_c / n_c
        var pairCorrection = [Double](repeating: 0, count: d * d)   // Σ_c (G_c − n_c·W_c)
        let classes = ClassLabels.members(of: labels).filter { $0.count >= 2 }
        for (members, (g, w)) in zip(classes, Self.classScatters(x, classes: classes, neighborCount: neighborCount)) {
            let size = Double(members.count)
            for index in 0..<(d * d) {
                within[index] += g[index] / size
                pairCorrection[index] += g[index] - size * w[index]
            }
        }
        total = x.subtractingFromEachRow(x.columnMeans()).transposedTimesSelf()
        let withinScatter = Matrix(rowCount: d, columnCount: d, elements: within)
        self.within = withinScatter.symmetrized()
        between = (total + Matrix(rowCount: d, columnCount: d, elements: pairCorrection) / Double(x.rowCount)
                   - withinScatter).symmetrized()
    }

    /// Pair work (n_c²·d) below which a class is one job of a parallel loop over classes, on one thread, rather
    /// than a class whose blocks run in parallel: handing out a small class's blocks cost more than they saved
    /// (digits' ten classes of 144 rows fitted no faster on two cores than on one).
    static let wholeClassWorkLimit = 1 << 22

    /// (G_c, W_c) of each class (`classes`: the rows of each, in class order), as `affinityScatter` and
    /// `transposedTimesSelf` give them for the centred rows. Small classes (`wholeClassWorkLimit`) run side by
    /// side, one whole class per thread; the others one after another, each with its blocks in parallel. Either
    /// way a class's blocks and their products are the same, so the bits do not depend on which.
    private static func classScatters(_ x: Matrix, classes: [[Int]], neighborCount: Int)
        -> [(g: [Double], w: [Double])] {
        let d = x.columnCount
        let scatter: @Sendable ([Int]) -> (g: [Double], w: [Double]) = { members in
            var centered = x.rows(at: members)
            centered.subtractFromEachRow(centered.columnMeans())
            var blocks = DistanceBlocks(centered, blockRowCount: nil)
            let scales = Self.localScales(of: &blocks, neighborCount: min(neighborCount, members.count - 1))
            return (Self.affinityScatter(of: &blocks, scales: scales).elements, centered.transposedTimesSelf().elements)
        }
        let small = classes.indices.filter { classes[$0].count * classes[$0].count * d < wholeClassWorkLimit }
        let smallWork = small.reduce(0) { $0 + classes[$1].count * classes[$1].count * d }
        let concurrency = smallWork >= Parallel.concurrencyThreshold ? Parallel.workerCount : 1
        let smallScatters = Parallel.map(count: small.count, maxConcurrency: concurrency) { job in
            Parallel.withWorkers(1) { scatter(classes[small[job]]) }
        }
        var results = [(g: [Double], w: [Double])?](repeating: nil, count: classes.count)
        for (index, result) in zip(small, smallScatters) { results[index] = result }
        return classes.indices.map { results[$0] ?? scatter(classes[$0]) }
    }

    /// σᵢ, the distance from each row of `x` to its `neighborCount`-th nearest other row (1 ≤ neighborCount < n),
    /// from the squared distances of `DistanceBlocks` (the expansion ‖xᵢ‖² + ‖xⱼ‖² − 2xᵢ·xⱼ of centred rows), those
    /// within `ScreenedDistances`' slack of 0 recomputed directly: a row with `neighborCount` exact duplicates gets
    /// σ = 0, and so affinities 0.
    static func localScales(of x: Matrix, neighborCount: Int, blockRowCount: Int? = nil) -> [Double] {
        var blocks = DistanceBlocks(x, blockRowCount: blockRowCount)
        return localScales(of: &blocks, neighborCount: neighborCount)
    }

    /// σ from `blocks`' distances (their first pass), which it leaves as they are for the next.
    private static func localScales(of blocks: inout DistanceBlocks, neighborCount: Int) -> [Double] {
        let x = blocks.x
        var scales = [Double](repeating: 0, count: x.rowCount)
        let (norms, largestNorm) = (blocks.norms, blocks.norms.max() ?? 0)
        scales.withUnsafeMutableBufferPointer { scales in
            x.elements.withUnsafeBufferPointer { samples in
                let shared = ScaleRows(samples: samples, scales: scales)
                blocks.forEach(flops: 0) { rows, block in
                    let (n, d) = (shared.scales.count, x.columnCount)
                    for (position, i) in rows.enumerated() {
                        let row = UnsafeBufferPointer(rebasing: block[(position * n)..<((position + 1) * n)])
                        // Above the slack of row i and the largest norm, every distance of row i is reliable.
                        let reliable = ScreenedDistances.slack(norms[i], largestNorm)
                        let kth = Self.smallest(neighborCount, in: row, skipping: i,
                                                reliableAbove: reliable) { j, value in
                            ScreenedDistances.isReliable(value, norms[i], norms[j])
                                ? value : shared.samples.squaredDistance(between: i, and: j, width: d)
                        }
                        shared.scales[i] = kth.squareRoot()
                    }
                }
            }
        }
        return scales
    }

    /// The `count`-th smallest of `values` apart from the one at `skipped`, each value not above `reliableAbove`
    /// passed through `corrected(index, value)` first (values above it are their own correction), by insertion
    /// into a sorted list of the `count` smallest so far (two comparisons per value once the list is full).
    /// `values` is only read.
    private static func smallest(_ count: Int, in values: UnsafeBufferPointer<Double>, skipping skipped: Int,
                                 reliableAbove: Double, corrected: (Int, Double) -> Double) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { best in
            best.initialize(repeating: .infinity)
            var threshold = Double.infinity
            for j in values.indices where j != skipped {
                let raw = values[j]
                guard raw < threshold || raw <= reliableAbove else { continue }
                let value = raw > reliableAbove ? raw : corrected(j, raw)
                guard value < threshold else { continue }
                var slot = count - 1
                while slot > 0 && best[slot - 1] > value {
                    best[slot] = best[slot - 1]
                    slot -= 1
                }
                best[slot] = value
                threshold = best[count - 1]
            }
            return threshold
        }
    }

    /// G = Xᵀ·(diag(A·1)·X − A·X) for the affinities Aᵢⱼ = exp(−‖xᵢ − xⱼ‖²/(σᵢσⱼ)) (0 where σᵢσⱼ = 0) of the rows
    /// of `x`: each block of `DistanceBlocks` is turned into affinities in place, their row sums recorded, and its
    /// rows of A·X formed by a second `dgemm` and subtracted from diag(A·1)·X; one last product gives G.
    static func affinityScatter(of x: Matrix, scales: [Double], blockRowCount: Int? = nil) -> Matrix {
        var blocks = DistanceBlocks(x, blockRowCount: blockRowCount)
        return affinityScatter(of: &blocks, scales: scales)
    }

    /// G from `blocks`' distances (kept from `localScales` when the class is small enough, else computed again).
    private static func affinityScatter(of blocks: inout DistanceBlocks, scales: [Double]) -> Matrix {
        let x = blocks.x
        let (n, d) = (x.rowCount, x.columnCount)
        var degrees = [Double](repeating: 0, count: n)
        var weighted = [Double](repeating: 0, count: n * d)   // diag(A·1)·X − A·X
        degrees.withUnsafeMutableBufferPointer { degrees in
            weighted.withUnsafeMutableBufferPointer { weighted in
                scales.withUnsafeBufferPointer { scales in
                    x.elements.withUnsafeBufferPointer { samples in
                        let shared = AffinityRows(samples: samples, scales: scales, degrees: degrees, weighted: weighted)
                        blocks.forEach(flops: n * n * d) { rows, block in
                            shared.convert(block, rows: rows)
                            let own = shared.weightedRows(rows, width: d)
                            BufferProducts.multiply(UnsafeBufferPointer(block), shared.samples, into: own,
                                                    m: rows.count, n: d, k: n)
                            for (position, i) in rows.enumerated() {   // diag(A·1)·X − A·X, row by row
                                for j in 0..<d {
                                    own[position * d + j] = shared.degrees[i] * shared.samples[i * d + j]
                                        - own[position * d + j]
                                }
                            }
                        }
                    }
                }
            }
        }
        return x.transposedTimes(Matrix(rowCount: n, columnCount: d, elements: weighted))
    }
}

/// The squared distances between the rows of a class, a block of rows at a time: each job computes its block's
/// distances to every row by one `dgemm` (`PairwiseDistances.fill`) and hands them to the caller, which writes only
/// the block's own rows. Blocks run in parallel, so the results do not depend on the core count.
///
/// A class of at most `keptElementLimit` pairs keeps every block's distances from the first pass for the next
/// (the n × n matrix, at most 4 MiB): LFDA's two passes then cost one `dgemm` of distances instead of two. A larger
/// class computes them into its worker's scratch buffer on every pass; memory O(workers · block · n).
private struct DistanceBlocks {
    /// The rows.
    let x: Matrix
    /// The rows of a block.
    let height: Int
    /// ‖xᵢ‖², one per row.
    let norms: [Double]
    /// Whether every block's distances are kept between passes.
    let keepsDistances: Bool
    /// The kept n × n distances (row-major; empty until the first pass) or nothing.
    private var kept: [Double] = []

    /// The most pairs whose distances are kept between passes (2¹⁹ elements, 4 MiB).
    static let keptElementLimit = 1 << 19

    /// The blocks of `x`, `blockRowCount` rows each (default `defaultBlockRowCount(sampleCount:)`).
    init(_ x: Matrix, blockRowCount: Int?) {
        self.x = x
        height = max(1, min(x.rowCount, blockRowCount ?? Self.defaultBlockRowCount(sampleCount: x.rowCount)))
        norms = x.rowSquaredNorms()
        keepsDistances = x.rowCount * x.rowCount <= Self.keptElementLimit
    }

    /// Rows a block: at most 2¹⁵ elements (256 KiB) stay in cache between the `dgemm` that writes them and the
    /// pass that reads them, and a buffer that size is reused instead of mapped afresh (whole-class blocks of
    /// 2.3 MB spent a quarter of an LFDA fit zeroing new pages on a 1 600 × 50 table); at most half the rows, so
    /// that a small class still makes two jobs; at least 32 rows, so that the products stay matrix products.
    static func defaultBlockRowCount(sampleCount: Int) -> Int {
        max(32, min((1 << 15) / max(1, sampleCount), (sampleCount + 1) / 2))
    }

    /// Calls `body(rows, distances)` for every block (`distances`: rows.count × n, row-major), concurrently when
    /// the blocks' work (`flops` besides the distances) is large enough. Kept distances are computed on the first
    /// call and handed to the later ones as that call's `body` left them (LFDA's affinity pass overwrites them).
    mutating func forEach(flops: Int, _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) {
        let (n, height) = (x.rowCount, height)
        let blockCount = (n + height - 1) / height
        let (workers, norms, x) = (max(1, min(Parallel.workerCount, blockCount)), norms, x)
        let computes = !keepsDistances || kept.isEmpty
        // A job reads only the distances it has just written (`PairwiseDistances.fill`), so no zeroing.
        let size = keepsDistances ? n * n : workers * height * n
        var scratch = computes ? [Double](unsafeUninitializedCapacity: size) { _, count in count = size } : kept
        kept = []   // `scratch` alone holds the kept distances, so writing them does not copy them
        scratch.withUnsafeMutableBufferPointer { scratch in
            let (buffers, keeps) = (SharedRows(scratch), keepsDistances)
            let work = (computes ? n * n * x.columnCount : 0) + flops
            Parallel.forEach(jobs: blockCount, work: work, maxWorkers: workers) { job, worker in
                let rows = job * height ..< min(n, (job + 1) * height)
                let start = keeps ? rows.lowerBound * n : worker * height * n
                let block = UnsafeMutableBufferPointer(rebasing: buffers.values[start..<(start + rows.count * n)])
                if computes {
                    PairwiseDistances.fill(block, queries: x, rows: rows, queryNorms: norms, references: x,
                                           referenceNorms: norms)
                }
                body(rows, block)
            }
        }
        if keepsDistances { kept = scratch }
    }
}

/// The buffers `localScales`' concurrent jobs share: each writes only its own rows' `scales` and only reads
/// `samples`; the buffers outlive the jobs.
private struct ScaleRows: @unchecked Sendable {
    /// The rows of X (n × d, row-major).
    let samples: UnsafeBufferPointer<Double>
    /// σ, one per sample.
    let scales: UnsafeMutableBufferPointer<Double>
}

/// A buffer that concurrent jobs share, each writing only its own part; it outlives the jobs.
private struct SharedRows: @unchecked Sendable {
    /// The buffer.
    let values: UnsafeMutableBufferPointer<Double>

    init(_ values: UnsafeMutableBufferPointer<Double>) { self.values = values }
}

/// The buffers `affinityScatter`'s concurrent jobs share: each writes only its own rows of `degrees` and
/// `weighted`, and only reads `samples` and `scales`; the buffers outlive the jobs.
private struct AffinityRows: @unchecked Sendable {
    /// The rows of X (n × d, row-major).
    let samples: UnsafeBufferPointer<Double>
    /// The local scales σ, one per sample.
    let scales: UnsafeBufferPointer<Double>
    /// The row sums of the affinity matrix, one per sample.
    let degrees: UnsafeMutableBufferPointer<Double>
    /// A·X, then diag(A·1)·X − A·X (n × d, row-major).
    let weighted: UnsafeMutableBufferPointer<Double>

    /// The rows `rows` of `weighted`.
    func weightedRows(_ rows: Range<Int>, width: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(rebasing: weighted[(rows.lowerBound * width)..<(rows.upperBound * width)])
    }

    /// Turns the squared distances dᵢⱼ of the samples `rows` (row-major in `block`) into the affinities
    /// Aᵢⱼ = exp(−dᵢⱼ/(σᵢσⱼ)), 0 where σᵢσⱼ = 0, and records their row sums. The exponentials of a row are one
    /// branch-free loop the compiler vectorises; the sum is `SoftmaxRows.sum`'s.
    func convert(_ block: UnsafeMutableBufferPointer<Double>, rows: Range<Int>) {
        let n = scales.count
        guard let distances = block.baseAddress, let others = scales.baseAddress else { return }
        for (position, i) in rows.enumerated() {
            let row = distances + position * n
            let scale = scales[i]
            for j in 0..<n {
                let product = scale * others[j]
                let affinity = SoftmaxExponential.wideValue(-row[j] / product)
                row[j] = product > 0 ? affinity : 0
            }
            degrees[i] = SoftmaxRows.sum(block, (position * n)..<((position + 1) * n))
        }
    }
}
