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
/// The rows of a tile are split into `Parallel.chunkCount` fixed chunks whose exponentials run concurrently;
/// each chunk keeps its own column sums, added up in chunk order, so the result does not depend on the number
/// of cores.
///
/// Memory: one tile (b² doubles, b = 256 by default) and O(n·k), all allocated once here and reused by
/// every evaluation, so one instance serves one optimiser at a time.
final class StochasticNeighbors<Weighting: StochasticNeighborWeighting> {
    /// What the objective is.
    let weighting: Weighting
    /// The number of samples n.
    let sampleCount: Int
    /// The embedding's width k.
    let componentCount: Int
    /// Z (n×k, row-major): callers write the embedding here before calling `evaluate()`.
    var embedding: [Double]
    /// T (n×k, row-major), valid after `evaluate()`.
    private(set) var tangent: [Double]
    private let tileSize: Int
    /// The tile, the per-sample sums and the chunks' column sums (see `Workspace`).
    private var storage: [Double]
    /// Samples per tile side: a 256×256 tile (512 KiB) stays in cache between the exponentials and the two
    /// products that reuse it, and reaches `Parallel.concurrencyThreshold`.
    static var defaultTileSize: Int { 256 }

    /// Workspace for `sampleCount` samples embedded in `componentCount` dimensions, in tiles of
    /// `tileSize` × `tileSize` samples (`defaultTileSize` when nil).
    init(weighting: Weighting, sampleCount n: Int, componentCount: Int, tileSize: Int? = nil) {
        self.weighting = weighting
        sampleCount = n
        self.componentCount = componentCount
        self.tileSize = max(1, min(tileSize ?? Self.defaultTileSize, n))
        embedding = [Double](repeating: 0, count: n * componentCount)
        tangent = embedding
        storage = [Double](repeating: 0, count: Workspace.size(sampleCount: n, tileSize: self.tileSize))
    }

    /// Returns Σᵢ (the weighting's term of sample i) for the current `embedding` and fills `tangent`.
    func evaluate() -> Double {
        let (n, k) = (sampleCount, componentCount)
        var total = 0.0
        embedding.withUnsafeBufferPointer { z in
            tangent.withUnsafeMutableBufferPointer { t in
                storage.withUnsafeMutableBufferPointer { space in
                    let w = Workspace(space, sampleCount: n, embedding: z, tangent: t, componentCount: k, tileSize: tileSize)
                    for i in 0..<n {
                        var sum = 0.0
                        for c in 0..<k { sum += z[i * k + c] * z[i * k + c] }
                        w.norms[i] = sum
                        (w.minima[i], w.sums[i], w.weightedSums[i], w.columnSums[i]) = (.greatestFiniteMagnitude, 0, 0, 0)
                    }
                    for index in 0..<(n * k) { t[index] = 0 }
                    forEachTile(n) { rows, columns in normalizers(rows: rows, columns: columns, w) }
                    for i in 0..<n {
                        let term = weighting.coefficients(sample: i, sum: w.sums[i], weightedSum: w.weightedSums[i])
                        total += term.value
                        (w.firstCoefficients[i], w.secondCoefficients[i]) = (term.first, term.second)
                    }
                    forEachTile(n) { rows, columns in accumulate(rows: rows, columns: columns, w) }
                    // T −= diag(colsum W') · Z
                    for i in 0..<n {
                        for c in 0..<k { t[i * k + c] -= w.columnSums[i] * z[i * k + c] }
                    }
                }
            }
        }
        return total
    }

    /// Calls `body` for the tiles (I, J), I ≤ J, of `tileSize` samples (the last ones shorter), in a fixed order.
    private func forEachTile(_ n: Int, _ body: (Range<Int>, Range<Int>) -> Void) {
        var rowStart = 0
        while rowStart < n {
            let rows = rowStart..<min(rowStart + tileSize, n)
            var columnStart = rowStart
            while columnStart < n {
                let columns = columnStart..<min(columnStart + tileSize, n)
                body(rows, columns)
                columnStart = columns.upperBound
            }
            rowStart = rows.upperBound
        }
    }

    /// Squared distances between `rows` and `columns` into the tile (row-major, `columns.count` wide), with +∞
    /// on the diagonal of a diagonal tile (pᵢᵢ = 0).
    private func distances(rows: Range<Int>, columns: Range<Int>, _ w: Workspace) {
        let (k, width) = (componentCount, columns.count)
        // −2·Z_I·Z_Jᵀ, then ‖zᵢ‖² + ‖zⱼ‖² − 2zᵢ·zⱼ clamped at 0 (the expansion can round below 0).
        BufferProducts.multiply(w.embedding(rows), w.embedding(columns), transposingB: true, into: w.tile,
                                m: rows.count, n: width, k: k, alpha: -2)
        for r in 0..<rows.count {
            let normI = w.norms[rows.lowerBound + r]
            let row = w.tile.baseAddress! + r * width
            let columnNorms = w.norms.baseAddress! + columns.lowerBound
            for c in 0..<width { row[c] = max(0, row[c] + normI + columnNorms[c]) }
        }
        if rows == columns {
            for r in 0..<rows.count { w.tile[r * width + r] = .infinity }
        }
    }

    /// Pass 1 on one tile: the smallest distance, the normaliser and the weighted sum of each row of `rows` and,
    /// unless the tile is diagonal, of each sample of `columns` (the tile's columns), updated online.
    private func normalizers(rows: Range<Int>, columns: Range<Int>, _ w: Workspace) {
        distances(rows: rows, columns: columns, w)
        let (width, diagonal) = (columns.count, rows == columns)
        let (minima, sums, weightedSums) = (w.minima.baseAddress!, w.sums.baseAddress!, w.weightedSums.baseAddress!)
        // The new minima of the tile's rows and columns first, so the exponentials below are all ≤ 1.
        let (rowMinima, columnMinima) = (w.rowScratch.baseAddress!, minima + columns.lowerBound)
        let newColumnMinima = UnsafeMutableBufferPointer(rebasing: w.columnScratch[0..<width])
        for c in 0..<width { newColumnMinima[c] = columnMinima[c] }
        for r in 0..<rows.count {
            let row = UnsafeMutableBufferPointer(start: w.tile.baseAddress! + r * width, count: width)
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
        let split = !diagonal && prepareFactors(rowMinima: rowMinima, rows.count, columns: columns, w)
        for index in 0..<(2 * Parallel.chunkCount * width) { w.chunkColumns[index] = 0 }
        let weighting = weighting
        Parallel.forEachChunk(work: rows.count * width) { chunk in
            let (minima, sums, weightedSums) = (w.minima.baseAddress!, w.sums.baseAddress!, w.weightedSums.baseAddress!)
            let columnSums = w.chunkColumns.baseAddress! + 2 * chunk * width
            let columnWeightedSums = columnSums + width
            let columnMinima = minima + columns.lowerBound
            let columnTerms = w.columnTermScratch.baseAddress! + chunk * width
            for r in Parallel.chunk(chunk, of: rows.count) {
                let i = rows.lowerBound + r
                let row = w.tile.baseAddress! + r * width
                let nearest = w.rowScratch[r]
                let scale = SoftmaxExponential.value(nearest - minima[i])
                let terms: SoftmaxRowTerms
                if split {
                    // eᵢⱼ = exp((mᵢ + mⱼ)/2 − dᵢⱼ); exp(mᵢ − dᵢⱼ) = eᵢⱼ·Rᵢ·Cⱼ and exp(mⱼ − dᵢⱼ) = eᵢⱼ/(Rᵢ·Cⱼ).
                    let half = nearest / 2
                    for c in 0..<width { row[c] = SoftmaxExponential.wideValue(half + columnMinima[c] / 2 - row[c]) }
                    let (rowFactor, inverse) = (SoftmaxExponential.wideValue(half - w.center),
                                                SoftmaxExponential.wideValue(w.center - half))
                    for c in 0..<width { columnSums[c] += row[c] * inverse }
                    terms = SoftmaxRowTerms(sample: i, columns: columns, row: row, split: (rowFactor, inverse),
                                            columnFactors: w.columnFactors.baseAddress!, columnTerms: nil)
                } else {
                    if !diagonal {
                        for c in 0..<width {
                            columnTerms[c] = SoftmaxExponential.value(columnMinima[c] - row[c])
                            columnSums[c] += columnTerms[c]
                        }
                    }
                    // The row's own exponentials in place (the tile is recomputed in pass 2).
                    for c in 0..<width { row[c] = SoftmaxExponential.value(nearest - row[c]) }
                    terms = SoftmaxRowTerms(sample: i, columns: columns, row: row, split: nil,
                                            columnFactors: w.columnFactors.baseAddress!,
                                            columnTerms: diagonal ? nil : columnTerms)
                }
                let (sum, weightedSum) = weighting.rowSums(terms, addingColumnTermsTo: diagonal ? nil : columnWeightedSums)
                (minima[i], sums[i], weightedSums[i]) = (nearest, sums[i] * scale + sum, weightedSums[i] * scale + weightedSum)
            }
        }
        if !diagonal {
            for chunk in 0..<Parallel.chunkCount {
                let columnSums = w.chunkColumns.baseAddress! + 2 * chunk * width
                for c in 0..<width {
                    let factor = split ? w.columnFactors[width + c] : 1
                    sums[columns.lowerBound + c] += factor * columnSums[c]
                    weightedSums[columns.lowerBound + c] += factor * columnSums[width + c]
                }
            }
        }
    }

    /// Whether the tile's exponentials can be split into factors, and if so the factors of its columns:
    /// with h = m/2 and a centre c = h of the first column, Cⱼ = exp(c − hⱼ) in `columnFactors[0..<b]` and
    /// 1/Cⱼ in `columnFactors[b..<2b]`. The split needs the minima m of the tile's rows and columns to span at
    /// most `splitSpan`: then every factor lies within exp(±span/2) and a term eᵢⱼ that underflows to 0 stands
    /// for exp(mᵢ − dᵢⱼ) or exp(mⱼ − dᵢⱼ) below exp(−708 + span/2) = exp(−196), negligible as in `SoftmaxExponential`.
    private func prepareFactors(rowMinima: UnsafeMutablePointer<Double>, _ rowCount: Int, columns: Range<Int>,
                                _ w: Workspace) -> Bool {
        let columnMinima = w.minima.baseAddress! + columns.lowerBound
        var (lowest, highest) = (Double.infinity, -Double.infinity)
        for r in 0..<rowCount { (lowest, highest) = (min(lowest, rowMinima[r]), max(highest, rowMinima[r])) }
        for c in 0..<columns.count { (lowest, highest) = (min(lowest, columnMinima[c]), max(highest, columnMinima[c])) }
        guard highest - lowest <= Self.splitSpan else { return false }
        let center = columnMinima[0] / 2
        w.center = center
        for c in 0..<columns.count {
            w.columnFactors[c] = SoftmaxExponential.wideValue(center - columnMinima[c] / 2)
            w.columnFactors[columns.count + c] = SoftmaxExponential.wideValue(columnMinima[c] / 2 - center)
        }
        return true
    }

    /// The largest span of the minima within a tile whose exponentials are split into factors (see `prepareFactors`).
    static var splitSpan: Double { 1024 }

    /// Pass 2 on one tile: W'_IJ + W'_JIᵀ in place (W'_II alone on a diagonal tile), its contributions to the
    /// column sums of W' and to T.
    private func accumulate(rows: Range<Int>, columns: Range<Int>, _ w: Workspace) {
        distances(rows: rows, columns: columns, w)
        let (k, width, diagonal) = (componentCount, columns.count, rows == columns)
        let isSplit = !diagonal && prepareFactors(rowMinima: w.minima.baseAddress! + rows.lowerBound, rows.count,
                                                  columns: columns, w)
        if isSplit {
            weighting.prepareSplitColumns(columns, factors: w.columnFactors.baseAddress!,
                                          first: w.firstCoefficients.baseAddress!, second: w.secondCoefficients.baseAddress!)
        }
        for index in 0..<(Parallel.chunkCount * width) { w.chunkColumns[index] = 0 }
        let weighting = weighting
        Parallel.forEachChunk(work: rows.count * width) { chunk in
            let minima = w.minima.baseAddress!
            let columnSums = w.chunkColumns.baseAddress! + chunk * width
            let backward = w.rowScratch.baseAddress! + chunk * width
            for r in Parallel.chunk(chunk, of: rows.count) {
                let i = rows.lowerBound + r
                let nearest = minima[i]
                var split: SoftmaxWeightRow.Split?
                if isSplit {
                    let half = nearest / 2
                    split = SoftmaxWeightRow.Split(half: half, rowFactor: SoftmaxExponential.wideValue(half - w.center),
                                                   inverse: SoftmaxExponential.wideValue(w.center - half),
                                                   columnFactors: w.columnFactors.baseAddress!)
                }
                let row = SoftmaxWeightRow(
                    sample: i, columns: columns, row: w.tile.baseAddress! + r * width, shift: nearest,
                    columnShifts: diagonal ? nil : minima + columns.lowerBound, split: split,
                    first: w.firstCoefficients.baseAddress!, second: w.secondCoefficients.baseAddress!)
                weighting.weights(row, addingForwardColumnsTo: columnSums, backward: backward)
                if !diagonal {
                    w.columnSums[i] += SoftmaxRows.sum(UnsafeMutableBufferPointer(start: backward, count: width), 0..<width)
                }
            }
        }
        for chunk in 0..<Parallel.chunkCount {
            for c in 0..<width { w.columnSums[columns.lowerBound + c] += w.chunkColumns[chunk * width + c] }
        }
        let tile = UnsafeBufferPointer(w.tile)
        // T_I += S·Z_J and T_J += Sᵀ·Z_I, with S = W'_IJ + W'_JIᵀ (S = W'_II on a diagonal tile).
        BufferProducts.multiply(tile, w.embedding(columns), into: w.tangent(rows), m: rows.count, n: k, k: width, beta: 1)
        BufferProducts.multiply(tile, transposingA: true, w.embedding(rows), into: w.tangent(columns),
                                m: width, n: k, k: rows.count, beta: 1)
    }
}

/// The buffers of one evaluation, carved out of `StochasticNeighbors.storage`. Chunk c writes only its own rows
/// of the tile, the per-sample entries of its own rows and its own parts of `chunkColumns`, `rowScratch` (pass 2)
/// and `columnTermScratch`, and only reads the rest, so no two chunks touch the same element concurrently; the
/// buffers outlive every `Parallel.forEachChunk`.
private struct Workspace: @unchecked Sendable {
    let z: UnsafeBufferPointer<Double>
    let t: UnsafeMutableBufferPointer<Double>
    let componentCount: Int
    /// One tile of distances, then of weights (b×b).
    let tile: UnsafeMutableBufferPointer<Double>
    /// Per sample: ‖zᵢ‖², the smallest distance mᵢ, the normaliser Sᵢ and the weighted sum Vᵢ, then the
    /// weighting's two coefficients, and the column sums of W'.
    let norms, minima, sums, weightedSums, firstCoefficients, secondCoefficients, columnSums: UnsafeMutableBufferPointer<Double>
    /// Two rows of b per chunk: its column sums of the tile (normalisers, then weighted sums; pass 2: W').
    let chunkColumns: UnsafeMutableBufferPointer<Double>
    /// b doubles: the new minima of the tile's columns.
    let columnScratch: UnsafeMutableBufferPointer<Double>
    /// One row of b per chunk: the weights W'ⱼᵢ of the row in hand (pass 2); the new minima of the tile's rows (pass 1).
    let rowScratch: UnsafeMutableBufferPointer<Double>
    /// One row of b per chunk: the column terms exp(mⱼ − dᵢⱼ) of the row in hand (pass 1, unsplit tiles).
    let columnTermScratch: UnsafeMutableBufferPointer<Double>
    /// Three rows of b: the factors of the tile's columns (see `StochasticNeighbors.prepareFactors`), and their centre.
    let columnFactors: UnsafeMutableBufferPointer<Double>
    let centerSlot: UnsafeMutableBufferPointer<Double>
    var center: Double {
        get { centerSlot[0] }
        nonmutating set { centerSlot[0] = newValue }
    }

    static func size(sampleCount n: Int, tileSize b: Int) -> Int { b * b + 7 * n + (4 * Parallel.chunkCount + 4) * b + 1 }

    init(_ space: UnsafeMutableBufferPointer<Double>, sampleCount n: Int, embedding: UnsafeBufferPointer<Double>,
         tangent: UnsafeMutableBufferPointer<Double>, componentCount: Int, tileSize b: Int) {
        (z, t, self.componentCount) = (embedding, tangent, componentCount)
        var offset = 0
        func take(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
            defer { offset += count }
            return UnsafeMutableBufferPointer(rebasing: space[offset..<(offset + count)])
        }
        tile = take(b * b)
        (norms, minima, sums, weightedSums) = (take(n), take(n), take(n), take(n))
        (firstCoefficients, secondCoefficients, columnSums) = (take(n), take(n), take(n))
        chunkColumns = take(2 * Parallel.chunkCount * b)
        columnScratch = take(b)
        rowScratch = take(Parallel.chunkCount * b)
        columnTermScratch = take(Parallel.chunkCount * b)
        columnFactors = take(3 * b)
        centerSlot = take(1)
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
