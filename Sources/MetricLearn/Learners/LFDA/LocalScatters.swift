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
        for members in ClassLabels.members(of: labels) where members.count >= 2 {
            let rows = x.rows(at: members)
            let centered = rows.subtractingFromEachRow(rows.columnMeans())
            let scales = Self.localScales(of: centered, neighborCount: min(neighborCount, members.count - 1))
            let (g, w, size) = (Self.affinityScatter(of: centered, scales: scales).elements,
                                centered.transposedTimesSelf().elements, Double(members.count))
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

    /// σᵢ, the distance from each row of `x` to its `neighborCount`-th nearest other row (1 ≤ neighborCount < n),
    /// from the squared distances of `DistanceBlocks` (the expansion ‖xᵢ‖² + ‖xⱼ‖² − 2xᵢ·xⱼ of centred rows), those
    /// within `ScreenedDistances`' slack of 0 recomputed directly: a row with `neighborCount` exact duplicates gets
    /// σ = 0, and so affinities 0.
    static func localScales(of x: Matrix, neighborCount: Int, blockRowCount: Int? = nil) -> [Double] {
        var scales = [Double](repeating: 0, count: x.rowCount)
        let blocks = DistanceBlocks(x, blockRowCount: blockRowCount)
        scales.withUnsafeMutableBufferPointer { scales in
            x.elements.withUnsafeBufferPointer { samples in
                let shared = ScaleRows(samples: samples, scales: scales)
                blocks.forEach(flops: 0) { rows, block in
                    let (n, d) = (shared.scales.count, x.columnCount)
                    for (position, i) in rows.enumerated() {
                        let row = UnsafeMutableBufferPointer(rebasing: block[(position * n)..<((position + 1) * n)])
                        for j in 0..<n where !ScreenedDistances.isReliable(row[j], blocks.norms[i], blocks.norms[j]) {
                            row[j] = shared.samples.squaredDistance(between: i, and: j, width: d)
                        }
                        shared.scales[i] = Self.smallest(neighborCount, in: row, skipping: i).squareRoot()
                    }
                }
            }
        }
        return scales
    }

    /// The `count`-th smallest of `values` apart from the one at `skipped` (which it overwrites), by insertion into
    /// a sorted list of the `count` smallest so far (one comparison per value once the list is full).
    private static func smallest(_ count: Int, in values: UnsafeMutableBufferPointer<Double>,
                                 skipping skipped: Int) -> Double {
        values[skipped] = .infinity
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { best in
            best.initialize(repeating: .infinity)
            var threshold = Double.infinity
            for j in values.indices where values[j] < threshold {
                var slot = count - 1
                while slot > 0 && best[slot - 1] > values[j] {
                    best[slot] = best[slot - 1]
                    slot -= 1
                }
                best[slot] = values[j]
                threshold = best[count - 1]
            }
            return threshold
        }
    }

    /// G = Xᵀ·(diag(A·1)·X − A·X) for the affinities Aᵢⱼ = exp(−‖xᵢ − xⱼ‖²/(σᵢσⱼ)) (0 where σᵢσⱼ = 0) of the rows
    /// of `x`: each block of `DistanceBlocks` is turned into affinities in place, their row sums recorded, and its
    /// rows of A·X formed by a second `dgemm` and subtracted from diag(A·1)·X; one last product gives G.
    static func affinityScatter(of x: Matrix, scales: [Double], blockRowCount: Int? = nil) -> Matrix {
        let (n, d) = (x.rowCount, x.columnCount)
        var degrees = [Double](repeating: 0, count: n)
        var weighted = [Double](repeating: 0, count: n * d)   // diag(A·1)·X − A·X
        degrees.withUnsafeMutableBufferPointer { degrees in
            weighted.withUnsafeMutableBufferPointer { weighted in
                scales.withUnsafeBufferPointer { scales in
                    x.elements.withUnsafeBufferPointer { samples in
                        let shared = AffinityRows(samples: samples, scales: scales, degrees: degrees, weighted: weighted)
                        DistanceBlocks(x, blockRowCount: blockRowCount).forEach(flops: n * n * d) { rows, block in
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
/// distances to every row by one `dgemm` (`PairwiseDistances.fill`) into its worker's scratch buffer and hands
/// them to the caller, which writes only the block's own rows. Blocks run in parallel, so the results do not
/// depend on the core count; memory O(workers · block · n).
private struct DistanceBlocks {
    /// The rows.
    let x: Matrix
    /// The rows of a block.
    let height: Int
    /// ‖xᵢ‖², one per row.
    let norms: [Double]

    /// The blocks of `x`, `blockRowCount` rows each (default `defaultBlockRowCount(sampleCount:)`).
    init(_ x: Matrix, blockRowCount: Int?) {
        self.x = x
        height = max(1, min(x.rowCount, blockRowCount ?? Self.defaultBlockRowCount(sampleCount: x.rowCount)))
        norms = x.rowSquaredNorms()
    }

    /// Rows a block: at most 2¹⁵ elements (256 KiB) stay in cache between the `dgemm` that writes them and the
    /// pass that reads them, and a buffer that size is reused instead of mapped afresh (whole-class blocks of
    /// 2.3 MB spent a quarter of an LFDA fit zeroing new pages on a 1 600 × 50 table); at most half the rows, so
    /// that a small class still makes two jobs; at least 32 rows, so that the products stay matrix products.
    static func defaultBlockRowCount(sampleCount: Int) -> Int {
        max(32, min((1 << 15) / max(1, sampleCount), (sampleCount + 1) / 2))
    }

    /// Calls `body(rows, distances)` for every block (`distances`: rows.count × n, row-major, the caller may
    /// overwrite them), concurrently when the blocks' work (`flops` besides the distances) is large enough.
    func forEach(flops: Int, _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void) {
        let (n, height) = (x.rowCount, height)
        let blockCount = (n + height - 1) / height
        let (workers, norms) = (max(1, min(Parallel.workerCount, blockCount)), norms)
        var scratch = [Double](repeating: 0, count: workers * height * n)
        scratch.withUnsafeMutableBufferPointer { scratch in
            let buffers = SharedRows(scratch)
            Parallel.forEach(jobs: blockCount, work: n * n * x.columnCount + flops, maxWorkers: workers) { job, worker in
                let rows = job * height ..< min(n, (job + 1) * height)
                let block = UnsafeMutableBufferPointer(
                    rebasing: buffers.values[(worker * height * n)..<(worker * height * n + rows.count * n)])
                PairwiseDistances.fill(block, queries: x, rows: rows, queryNorms: norms, references: x,
                                       referenceNorms: norms)
                body(rows, block)
            }
        }
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
