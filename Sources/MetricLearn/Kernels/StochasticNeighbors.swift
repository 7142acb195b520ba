/// The stochastic-neighbour softmax on an embedding Z (n×k) and the derivative of an objective of it, computed
/// in square tiles: the engine of NCA (`SameClassWeighting`) and of any other objective of the softmax rows.
///
/// With dᵢⱼ = ‖zᵢ − zⱼ‖², pᵢᵢ = 0 and mᵢ = min_{l≠i} dᵢₗ, the rows are pᵢⱼ = exp(mᵢ − dᵢⱼ)/Sᵢ with the
/// normaliser Sᵢ = Σ_{l≠i} exp(mᵢ − dᵢₗ) (a log-sum-exp: the largest term is 1, nothing overflows).
///
/// **A caller supplies** a `Weighting` (see `StochasticNeighborWeighting`): the pair values v(i, l) of one
/// weighted sum Vᵢ = Σ_{l≠i} exp(mᵢ − dᵢₗ)·v(i, l) per sample, the objective's term of each sample from
/// (Sᵢ, Vᵢ), and the weights W'ᵢⱼ = −∂f/∂dᵢⱼ of its pairs; and, before each `evaluate()`, Z in `embedding`.
/// **It gets** f = Σᵢ (term of sample i) from `evaluate()` and in `tangent` the matrix T (n×k) with ∂f/∂Z = 2T,
/// so that for Z = X·Lᵀ the gradient over L is ∂f/∂L = 2·Tᵀ·X. For an objective f = Σᵢ Fᵢ(pᵢ₁, …, pᵢₙ),
/// W'ᵢⱼ = pᵢⱼ(gᵢⱼ − Σₗ pᵢₗ·gᵢₗ) with gᵢⱼ = ∂Fᵢ/∂pᵢⱼ, so each row of W' sums to 0 and
///
///     T = (W' + W'ᵀ − diag(colsum W'))·Z
///
/// (only the column sums enter the diagonal, as in scikit-learn's NCA). NCA: v(i, l) = [y_l = yᵢ], Fᵢ = pᵢ =
/// Vᵢ/Sᵢ, W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) (Goldberger et al. 2005). Kernel regression (MLKR) would take v(i, l) = t_l,
/// the target, and W'ᵢⱼ = exp(mᵢ − dᵢⱼ)·(aᵢ·tⱼ + bᵢ) with ŷᵢ = Vᵢ/Sᵢ, aᵢ = −2(ŷᵢ − tᵢ)/Sᵢ, bᵢ = −aᵢ·ŷᵢ for f = −Σ(ŷᵢ − tᵢ)².
///
/// The distances are symmetric, so both passes visit only the tiles (I, J) with I ≤ J of b×b samples, and
/// one `dgemm` gives −2·Z_I·Z_Jᵀ, turned into squared distances in place by the squared norms:
/// 1. For every row mᵢ, Sᵢ and Vᵢ, accumulated online (a smaller mᵢ rescales the sums) for the rows of I and,
///    from the same tile, of J.
/// 2. The tile of W'_IJ + W'_JIᵀ, which two `dgemm`s add to T_I (times Z_J) and, transposed, to T_J (times Z_I).
/// Off the diagonal, element (i, j) of a tile needs both exp(mᵢ − dᵢⱼ) and exp(mⱼ − dᵢⱼ). With hᵢ = mᵢ/2 both
/// are eᵢⱼ = exp(hᵢ + hⱼ − dᵢⱼ) ≤ 1 times a factor of row i and a factor of column j (`prepareFactors`), so
/// each pass takes one exponential per element of the tiles it visits, when the tile's minima span at most
/// `splitSpan` (the factors then stay far from overflow); other tiles take the two exponentials directly.
/// That is 4·n²·k flops for the four products and n² exponentials (both passes together), against 6·n²·k
/// and n² for the rows of W' one block at a time. Neither pass forms more of the n×n matrices than one tile.
///
/// **Parallel tiles.** The samples are cut into blocks (the tiles' sides: at most `tileSize` samples, a block count
/// that is 1 or a multiple of 4, sizes within one of each other, all fixed by n alone), and each pass visits the
/// tiles in rounds of a round-robin schedule: within a round no two tiles share a block, so they run as
/// independent `Parallel` jobs (each with its own tile buffer and single-threaded BLAS), and every per-sample sum
/// receives its contributions in the order of the rounds, whatever the number of cores or the assignment of
/// tiles to threads. Results are therefore the same bits on any machine.
///
/// Memory: one tile (b² doubles, b = 256 by default) per worker thread and O(n·k), allocated once here (the tiles
/// on the first evaluation that uses more workers) and reused by every evaluation, so one instance serves one
/// optimiser at a time.
final class StochasticNeighbors<Weighting: StochasticNeighborWeighting> {
    /// What the objective is (replaced between evaluations when the samples change: `StochasticNeighborBatches`).
    var weighting: Weighting
    /// The number of samples n.
    let sampleCount: Int
    /// The embedding's width k.
    let componentCount: Int
    /// Z (n×k, row-major): callers write the embedding here before calling `evaluate()`.
    var embedding: [Double]
    /// T (n×k, row-major), valid after `evaluate()`.
    private(set) var tangent: [Double]
    /// The blocks of samples that are the tiles' sides.
    private let blocks: [Range<Int>]
    /// The tiles (I, J), I ≤ J, as pairs of block indices, in rounds whose tiles share no block.
    private let rounds: [[(Int, Int)]]
    /// The per-sample sums (see `Workspace`).
    private var shared: [Double]
    /// One `TileScratch` per worker.
    private var scratch: [Double]
    /// Samples per tile side: a 256×256 tile (512 KiB) stays in a core's cache between the exponentials and the
    /// two products that reuse it.
    static var defaultTileSize: Int { 256 }

    /// Workspace for `sampleCount` samples embedded in `componentCount` dimensions, in tiles of at most
    /// `tileSize` × `tileSize` samples (`defaultTileSize` when nil).
    init(weighting: Weighting, sampleCount n: Int, componentCount: Int, tileSize: Int? = nil) {
        self.weighting = weighting
        sampleCount = n
        self.componentCount = componentCount
        blocks = Self.blocks(sampleCount: n, tileSize: max(1, tileSize ?? Self.defaultTileSize))
        rounds = Self.rounds(blockCount: blocks.count)
        embedding = [Double](repeating: 0, count: n * componentCount)
        tangent = embedding
        shared = [Double](repeating: 0, count: Workspace.size(sampleCount: n))
        scratch = []
    }

    /// The tiles' sides: B = ⌈n / tileSize⌉ blocks, raised to a multiple of 4 (at most n) so that the rounds
    /// hold an even number of tiles; block sizes differ by at most one.
    static func blocks(sampleCount n: Int, tileSize: Int) -> [Range<Int>] {
        var count = (n + tileSize - 1) / tileSize
        if count > 1 { count = min(n, (count + 3) / 4 * 4) }
        return (0..<count).map { ($0 * n / count)..<(($0 + 1) * n / count) }
    }

    /// The round-robin schedule of the tiles of `blockCount` blocks: the diagonal tiles in one round, then (circle
    /// method) each block paired with every other exactly once, in rounds where no block appears twice. With an
    /// odd count a block sits out each round.
    static func rounds(blockCount b: Int) -> [[(Int, Int)]] {
        var rounds = [(0..<b).map { ($0, $0) }]
        guard b > 1 else { return rounds }
        let slots = b + b % 2              // a dummy block when b is odd
        for round in 0..<(slots - 1) {
            var tiles: [(Int, Int)] = []
            for position in 0..<(slots / 2) {
                let first = position == 0 ? slots - 1 : (round + position) % (slots - 1)
                let second = (round - position + slots - 1) % (slots - 1)
                if first < b && second < b { tiles.append((min(first, second), max(first, second))) }
            }
            rounds.append(tiles)
        }
        return rounds
    }

    /// Returns Σᵢ (the weighting's term of sample i) for the current `embedding` and fills `tangent`.
    func evaluate() -> Double {
        let (n, k) = (sampleCount, componentCount)
        let workers = Parallel.workerCount
        let tileSide = blocks.map(\.count).max() ?? 0
        if scratch.count < workers * TileScratch.size(tileSide: tileSide) {
            scratch = [Double](repeating: 0, count: workers * TileScratch.size(tileSide: tileSide))
        }
        var total = 0.0
        embedding.withUnsafeBufferPointer { z in
            tangent.withUnsafeMutableBufferPointer { t in
                shared.withUnsafeMutableBufferPointer { space in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        let w = Workspace(space, sampleCount: n, embedding: z, tangent: t, componentCount: k)
                        for i in 0..<n {
                            var sum = 0.0
                            for c in 0..<k { sum += z[i * k + c] * z[i * k + c] }
                            w.norms[i] = sum
                            (w.minima[i], w.sums[i], w.weightedSums[i], w.columnSums[i]) = (.greatestFiniteMagnitude, 0, 0, 0)
                        }
                        for index in 0..<(n * k) { t[index] = 0 }
                        let passes = TilePasses(weighting: weighting, workspace: w, scratch: scratch,
                                                tileSide: tileSide, componentCount: k)
                        forEachRound(workers: workers) { rows, columns, worker in
                            passes.normalizers(rows: rows, columns: columns, worker: worker)
                        }
                        for i in 0..<n {
                            let term = weighting.coefficients(sample: i, sum: w.sums[i], weightedSum: w.weightedSums[i])
                            total += term.value
                            (w.firstCoefficients[i], w.secondCoefficients[i]) = (term.first, term.second)
                        }
                        forEachRound(workers: workers) { rows, columns, worker in
                            passes.accumulate(rows: rows, columns: columns, worker: worker)
                        }
                        // T −= diag(colsum W') · Z
                        for i in 0..<n {
                            for c in 0..<k { t[i * k + c] -= w.columnSums[i] * z[i * k + c] }
                        }
                    }
                }
            }
        }
        return total
    }

    /// Calls `body(rows, columns, worker)` for every tile, round after round; the tiles of a round run as
    /// `Parallel` jobs.
    private func forEachRound(workers: Int, _ body: @Sendable (Range<Int>, Range<Int>, Int) -> Void) {
        let (blocks, k) = (blocks, componentCount)
        for round in rounds {
            let work = round.reduce(0) { $0 + blocks[$1.0].count * blocks[$1.1].count } * (k + 16)
            Parallel.forEach(jobs: round.count, work: work, maxWorkers: workers) { job, worker in
                body(blocks[round[job].0], blocks[round[job].1], worker)
            }
        }
    }

    /// The largest span of the minima within a tile whose exponentials are split into factors (see
    /// `TilePasses.prepareFactors`).
    static var splitSpan: Double { 1024 }
}

/// The two passes over one tile (I, J); `worker` names the `TileScratch` the tile may use. The tiles of one round
/// share no samples, so each writes only its own samples' entries of the workspace.
private struct TilePasses<Weighting: StochasticNeighborWeighting>: @unchecked Sendable {
    let weighting: Weighting
    let workspace: Workspace
    let scratch: UnsafeMutableBufferPointer<Double>
    let tileSide: Int
    let componentCount: Int

    private func scratch(_ worker: Int) -> TileScratch {
        let size = TileScratch.size(tileSide: tileSide)
        return TileScratch(UnsafeMutableBufferPointer(rebasing: scratch[(worker * size)..<((worker + 1) * size)]),
                           tileSide: tileSide)
    }

    /// Squared distances between `rows` and `columns` into the tile (row-major, `columns.count` wide), with +∞
    /// on the diagonal of a diagonal tile (pᵢᵢ = 0).
    private func distances(rows: Range<Int>, columns: Range<Int>, _ s: TileScratch) {
        let (w, k, width) = (workspace, componentCount, columns.count)
        // −2·Z_I·Z_Jᵀ, then ‖zᵢ‖² + ‖zⱼ‖² − 2zᵢ·zⱼ clamped at 0 (the expansion can round below 0).
        BufferProducts.multiply(w.embedding(rows), w.embedding(columns), transposingB: true, into: s.tile,
                                m: rows.count, n: width, k: k, alpha: -2)
        for r in 0..<rows.count {
            let normI = w.norms[rows.lowerBound + r]
            let row = s.tile.baseAddress! + r * width
            let columnNorms = w.norms.baseAddress! + columns.lowerBound
            for c in 0..<width { row[c] = max(0, row[c] + normI + columnNorms[c]) }
        }
        if rows == columns {
            for r in 0..<rows.count { s.tile[r * width + r] = .infinity }
        }
    }

    /// Pass 1 on one tile: the smallest distance, the normaliser and the weighted sum of each row of `rows` and,
    /// unless the tile is diagonal, of each sample of `columns` (the tile's columns), updated online.
    func normalizers(rows: Range<Int>, columns: Range<Int>, worker: Int) {
        let (w, width, diagonal) = (workspace, columns.count, rows == columns)
        let s = scratch(worker)
        distances(rows: rows, columns: columns, s)
        let (minima, sums, weightedSums) = (w.minima.baseAddress!, w.sums.baseAddress!, w.weightedSums.baseAddress!)
        // The new minima of the tile's rows and columns first, so the exponentials below are all ≤ 1.
        let (rowMinima, columnMinima) = (s.rowScratch, minima + columns.lowerBound)
        let newColumnMinima = s.columnScratch
        for c in 0..<width { newColumnMinima[c] = columnMinima[c] }
        for r in 0..<rows.count {
            let row = UnsafeMutableBufferPointer(start: s.tile.baseAddress! + r * width, count: width)
            rowMinima[r] = min(minima[rows.lowerBound + r], SoftmaxRows.minimum(row))
            if !diagonal {
                for c in 0..<width { newColumnMinima[c] = min(newColumnMinima[c], row[c]) }
            }
        }
        if !diagonal {
            for c in 0..<width {
                let scale = SoftmaxExponential.value(newColumnMinima[c] - columnMinima[c])
                (columnMinima[c], sums[columns.lowerBound + c], weightedSums[columns.lowerBound + c]) =
                    (newColumnMinima[c], sums[columns.lowerBound + c] * scale, weightedSums[columns.lowerBound + c] * scale)
            }
        }
        let split = !diagonal && prepareFactors(rowMinima: rowMinima, rows.count, columns: columns, s)
        let (columnSums, columnWeightedSums) = (s.columnSums, s.columnSums + width)
        for index in 0..<(2 * width) { columnSums[index] = 0 }
        for r in 0..<rows.count {
            let i = rows.lowerBound + r
            let row = s.tile.baseAddress! + r * width
            let nearest = rowMinima[r]
            let scale = SoftmaxExponential.value(nearest - minima[i])
            let terms: SoftmaxRowTerms
            if split {
                // eᵢⱼ = exp((mᵢ + mⱼ)/2 − dᵢⱼ); exp(mᵢ − dᵢⱼ) = eᵢⱼ·Rᵢ·Cⱼ and exp(mⱼ − dᵢⱼ) = eᵢⱼ/(Rᵢ·Cⱼ).
                let half = nearest / 2
                SoftmaxExponential.fill(row, distances: row, shift: half, columnShifts: columnMinima, scale: 0.5,
                                        count: width, wide: true)
                let (rowFactor, inverse) = (SoftmaxExponential.wideValue(half - s.center),
                                            SoftmaxExponential.wideValue(s.center - half))
                for c in 0..<width { columnSums[c] += row[c] * inverse }
                terms = SoftmaxRowTerms(sample: i, columns: columns, row: row, split: (rowFactor, inverse),
                                        columnFactors: s.columnFactors, columnTerms: nil)
            } else {
                if !diagonal {
                    SoftmaxExponential.fill(s.columnTerms, distances: row, shift: 0, columnShifts: columnMinima, scale: 1,
                                            count: width)
                    for c in 0..<width { columnSums[c] += s.columnTerms[c] }
                }
                // The row's own exponentials in place (the tile is recomputed in pass 2).
                SoftmaxExponential.fill(row, distances: row, shift: nearest, count: width)
                terms = SoftmaxRowTerms(sample: i, columns: columns, row: row, split: nil,
                                        columnFactors: s.columnFactors, columnTerms: diagonal ? nil : s.columnTerms)
            }
            let (sum, weightedSum) = weighting.rowSums(terms, addingColumnTermsTo: diagonal ? nil : columnWeightedSums)
            (minima[i], sums[i], weightedSums[i]) = (nearest, sums[i] * scale + sum, weightedSums[i] * scale + weightedSum)
        }
        if !diagonal {
            for c in 0..<width {
                let factor = split ? s.columnFactors[width + c] : 1
                sums[columns.lowerBound + c] += factor * columnSums[c]
                weightedSums[columns.lowerBound + c] += factor * columnWeightedSums[c]
            }
        }
    }

    /// Whether the tile's exponentials can be split into factors, and if so the factors of its columns:
    /// with h = m/2 and a centre c = h of the first column, Cⱼ = exp(c − hⱼ) in `columnFactors[0..<b]` and
    /// 1/Cⱼ in `columnFactors[b..<2b]`. The split needs the minima m of the tile's rows and columns to span at
    /// most `splitSpan`: then every factor lies within exp(±span/2) and a term eᵢⱼ that underflows to 0 stands
    /// for exp(mᵢ − dᵢⱼ) or exp(mⱼ − dᵢⱼ) below exp(−708 + span/2) = exp(−196), negligible as in `SoftmaxExponential`.
    private func prepareFactors(rowMinima: UnsafePointer<Double>, _ rowCount: Int, columns: Range<Int>,
                                _ s: TileScratch) -> Bool {
        let columnMinima = workspace.minima.baseAddress! + columns.lowerBound
        var (lowest, highest) = (Double.infinity, -Double.infinity)
        for r in 0..<rowCount { (lowest, highest) = (min(lowest, rowMinima[r]), max(highest, rowMinima[r])) }
        for c in 0..<columns.count { (lowest, highest) = (min(lowest, columnMinima[c]), max(highest, columnMinima[c])) }
        guard highest - lowest <= StochasticNeighbors<Weighting>.splitSpan else { return false }
        let center = columnMinima[0] / 2
        s.center = center
        for c in 0..<columns.count {
            s.columnFactors[c] = SoftmaxExponential.wideValue(center - columnMinima[c] / 2)
            s.columnFactors[columns.count + c] = SoftmaxExponential.wideValue(columnMinima[c] / 2 - center)
        }
        return true
    }

    /// Pass 2 on one tile: W'_IJ + W'_JIᵀ in place (W'_II alone on a diagonal tile), its contributions to the
    /// column sums of W' and to T.
    func accumulate(rows: Range<Int>, columns: Range<Int>, worker: Int) {
        let (w, k, width, diagonal) = (workspace, componentCount, columns.count, rows == columns)
        let s = scratch(worker)
        distances(rows: rows, columns: columns, s)
        let minima = w.minima.baseAddress!
        let isSplit = !diagonal && prepareFactors(rowMinima: minima + rows.lowerBound, rows.count, columns: columns, s)
        if isSplit {
            weighting.prepareSplitColumns(columns, factors: s.columnFactors,
                                          first: w.firstCoefficients.baseAddress!, second: w.secondCoefficients.baseAddress!)
        }
        let (columnSums, backward) = (s.columnSums, s.columnSums + width)
        for index in 0..<width { columnSums[index] = 0 }
        for r in 0..<rows.count {
            let i = rows.lowerBound + r
            let nearest = minima[i]
            var split: SoftmaxWeightRow.Split?
            if isSplit {
                let half = nearest / 2
                split = SoftmaxWeightRow.Split(half: half, rowFactor: SoftmaxExponential.wideValue(half - s.center),
                                               inverse: SoftmaxExponential.wideValue(s.center - half),
                                               columnFactors: s.columnFactors)
            }
            let row = SoftmaxWeightRow(
                sample: i, columns: columns, row: s.tile.baseAddress! + r * width, shift: nearest,
                columnShifts: diagonal ? nil : minima + columns.lowerBound, split: split,
                first: w.firstCoefficients.baseAddress!, second: w.secondCoefficients.baseAddress!)
            weighting.weights(row, addingForwardColumnsTo: columnSums, backward: backward)
            if !diagonal {
                w.columnSums[i] += SoftmaxRows.sum(UnsafeMutableBufferPointer(start: backward, count: width), 0..<width)
            }
        }
        for c in 0..<width { w.columnSums[columns.lowerBound + c] += columnSums[c] }
        let tile = UnsafeBufferPointer(rebasing: s.tile[0..<(rows.count * width)])
        // T_I += S·Z_J and T_J += Sᵀ·Z_I, with S = W'_IJ + W'_JIᵀ (S = W'_II on a diagonal tile).
        BufferProducts.multiply(tile, w.embedding(columns), into: w.tangent(rows), m: rows.count, n: k, k: width, beta: 1)
        BufferProducts.multiply(tile, transposingA: true, w.embedding(rows), into: w.tangent(columns),
                                m: width, n: k, k: rows.count, beta: 1)
    }
}

/// The per-sample buffers of one evaluation, carved out of `StochasticNeighbors.shared`, and Z and T.
private struct Workspace: @unchecked Sendable {
    let z: UnsafeBufferPointer<Double>
    let t: UnsafeMutableBufferPointer<Double>
    let componentCount: Int
    /// Per sample: ‖zᵢ‖², the smallest distance mᵢ, the normaliser Sᵢ and the weighted sum Vᵢ, then the
    /// weighting's two coefficients, and the column sums of W'.
    let norms, minima, sums, weightedSums, firstCoefficients, secondCoefficients, columnSums: UnsafeMutableBufferPointer<Double>

    static func size(sampleCount n: Int) -> Int { 7 * n }

    init(_ space: UnsafeMutableBufferPointer<Double>, sampleCount n: Int, embedding: UnsafeBufferPointer<Double>,
         tangent: UnsafeMutableBufferPointer<Double>, componentCount: Int) {
        (z, t, self.componentCount) = (embedding, tangent, componentCount)
        func take(_ index: Int) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(rebasing: space[(index * n)..<((index + 1) * n)])
        }
        (norms, minima, sums, weightedSums) = (take(0), take(1), take(2), take(3))
        (firstCoefficients, secondCoefficients, columnSums) = (take(4), take(5), take(6))
    }

    /// The rows `samples` of Z.
    func embedding(_ samples: Range<Int>) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(rebasing: z[(samples.lowerBound * componentCount)..<(samples.upperBound * componentCount)])
    }

    /// The rows `samples` of T.
    func tangent(_ samples: Range<Int>) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(rebasing: t[(samples.lowerBound * componentCount)..<(samples.upperBound * componentCount)])
    }
}

/// One worker's buffers for the tile in hand (b = the largest tile side; `width` = the tile's columns).
private struct TileScratch {
    /// One tile of distances, then of weights (rows × width).
    let tile: UnsafeMutableBufferPointer<Double>
    /// b doubles: the new minima of the tile's rows (pass 1).
    let rowScratch: UnsafeMutablePointer<Double>
    /// b doubles: the new minima of the tile's columns (pass 1).
    let columnScratch: UnsafeMutablePointer<Double>
    /// b doubles: the column terms exp(mⱼ − dᵢⱼ) of the row in hand (pass 1, unsplit tiles).
    let columnTerms: UnsafeMutablePointer<Double>
    /// 2b doubles: the tile's column sums (pass 1: normalisers, then weighted sums; pass 2: forward weights W'ᵢⱼ,
    /// then the backward weights W'ⱼᵢ of the row in hand).
    let columnSums: UnsafeMutablePointer<Double>
    /// 3b doubles: the factors of the tile's columns (see `TilePasses.prepareFactors`), then their centre.
    let columnFactors: UnsafeMutablePointer<Double>
    private let centerSlot: UnsafeMutablePointer<Double>
    var center: Double {
        get { centerSlot.pointee }
        nonmutating set { centerSlot.pointee = newValue }
    }

    static func size(tileSide b: Int) -> Int { b * b + 8 * b + 1 }

    /// The buffers in `space` (at least `size(tileSide: b)` doubles).
    init(_ space: UnsafeMutableBufferPointer<Double>, tileSide b: Int) {
        let base = space.baseAddress!
        tile = UnsafeMutableBufferPointer(start: base, count: b * b)
        rowScratch = base + b * b
        columnScratch = rowScratch + b
        columnTerms = columnScratch + b
        columnSums = columnTerms + b
        columnFactors = columnSums + 2 * b
        centerSlot = columnFactors + 3 * b
    }
}
