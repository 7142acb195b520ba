/// The stochastic-neighbour softmax of NCA on an embedding Z (n×k) and its derivative, computed in square tiles.
///
/// pᵢⱼ = exp(−‖zᵢ − zⱼ‖²) / Σ_{l≠i} exp(−‖zᵢ − z_l‖²) for j ≠ i, pᵢᵢ = 0, and pᵢ = Σ_{j: yⱼ = yᵢ} pᵢⱼ.
/// `evaluate()` returns f = Σᵢ pᵢ and leaves in `tangent` the matrix T (n×k) with ∂f/∂Z = 2T, so that for
/// Z = X·Lᵀ the gradient over L is ∂f/∂L = 2·Tᵀ·X. With W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) (Goldberger et al. 2005),
///
///     T = (W' + W'ᵀ − diag(colsum W'))·Z
///
/// (each row of W' sums to pᵢ − pᵢ = 0, so only the column sums enter the diagonal, as in scikit-learn).
/// The distances are symmetric, so both passes visit only the tiles (I, J) with I ≤ J of b×b samples, and
/// one `dgemm` gives −2·Z_I·Z_Jᵀ, turned into squared distances in place by the squared norms:
/// 1. For every row the smallest distance mᵢ, Σ_l exp(mᵢ − dᵢₗ) and its same-class part, accumulated online
///    (log-sum-exp: a smaller mᵢ rescales the sums) for the rows of I and, from the same tile, of J.
/// 2. The tile of W'_IJ + W'_JIᵀ, which two `dgemm`s add to T_I (times Z_J) and, transposed, to T_J (times Z_I).
/// Off the diagonal, element (i, j) of a tile needs both exp(mᵢ − dᵢⱼ) and exp(mⱼ − dᵢⱼ). With hᵢ = mᵢ/2 both
/// are eᵢⱼ = exp(hᵢ + hⱼ − dᵢⱼ) ≤ 1 times a factor of row i and a factor of column j (`prepareFactors`), so
/// each pass takes one exponential per element of the tiles it visits, when the tile's minima span at most
/// `splitSpan` (the factors then stay far from overflow); other tiles take the two exponentials directly.
/// That is 4·n²·k flops for the four products and n² exponentials (both passes together), against 6·n²·k
/// and n² for the rows of W' one block at a time. Neither pass forms more of the n×n matrices than one tile.
///
/// Samples must be sorted by label (the objectives permute their rows once), so that each class is a
/// contiguous range of rows and the inner loops need no label comparisons.
///
/// The rows of a tile are split into `FixedChunks` whose exponentials run concurrently; each chunk keeps its
/// own column sums, added up in chunk order, so the result does not depend on the number of cores.
///
/// Memory: one tile (b² doubles, b = 256 by default) and O(n·k), all allocated once here and reused by
/// every evaluation, so one instance serves one optimiser at a time.
final class StochasticNeighbors {
    /// The rows of each class; sample i's class is `classRanges[labels[i]]`.
    let classRanges: [Range<Int>]
    /// Class labels, one per sample, in non-decreasing order.
    let labels: [Int]
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
    /// products that reuse it, and reaches `FixedChunks.concurrencyThreshold`.
    static let defaultTileSize = 256

    /// Workspace for samples with `sortedLabels` embedded in `componentCount` dimensions, in tiles of
    /// `tileSize` × `tileSize` samples (`defaultTileSize` when nil).
    init(sortedLabels: [Int], componentCount: Int, tileSize: Int? = nil) {
        let n = sortedLabels.count
        labels = sortedLabels
        classRanges = Self.classRanges(of: sortedLabels)
        self.componentCount = componentCount
        self.tileSize = max(1, min(tileSize ?? Self.defaultTileSize, n))
        embedding = [Double](repeating: 0, count: n * componentCount)
        tangent = embedding
        storage = [Double](repeating: 0, count: Workspace.size(sampleCount: n, tileSize: self.tileSize))
    }

    /// The sample indices ordered by label (stably), the row order the objectives work in.
    static func classOrder(of labels: [Int]) -> [Int] {
        labels.indices.sorted { (labels[$0], $0) < (labels[$1], $1) }
    }

    /// The rows of each label 0...max in a sorted label array (empty for absent labels).
    static func classRanges(of sortedLabels: [Int]) -> [Range<Int>] {
        precondition(zip(sortedLabels, sortedLabels.dropFirst()).allSatisfy { $0 <= $1 }, "Labels must be sorted")
        var ranges = [Range<Int>](repeating: 0..<0, count: (sortedLabels.last ?? -1) + 1)
        var start = 0
        for (index, label) in sortedLabels.enumerated() where index + 1 == sortedLabels.count || sortedLabels[index + 1] != label {
            ranges[label] = start..<(index + 1)
            start = index + 1
        }
        return ranges
    }

    /// Returns Σᵢ pᵢ for the current `embedding` and fills `tangent`.
    func evaluate() -> Double {
        let (n, k) = (labels.count, componentCount)
        var total = 0.0
        labels.withUnsafeBufferPointer { y in
            embedding.withUnsafeBufferPointer { z in
                tangent.withUnsafeMutableBufferPointer { t in
                    storage.withUnsafeMutableBufferPointer { space in
                        let w = Workspace(space, labels: y, embedding: z, tangent: t, componentCount: k, tileSize: tileSize)
                        for i in 0..<n {
                            var sum = 0.0
                            for c in 0..<k { sum += z[i * k + c] * z[i * k + c] }
                            w.norms[i] = sum
                            (w.minima[i], w.sums[i], w.sameSums[i], w.columnSums[i]) = (.greatestFiniteMagnitude, 0, 0, 0)
                        }
                        for index in 0..<(n * k) { t[index] = 0 }
                        forEachTile(n) { rows, columns in normalizers(rows: rows, columns: columns, w) }
                        // pᵢ, and W'ᵢⱼ = exp(mᵢ − dᵢⱼ)·(same-class or other coefficient of i).
                        for i in 0..<n {
                            let p = w.sameSums[i] / w.sums[i]
                            total += p
                            (w.sameCoefficients[i], w.otherCoefficients[i]) = ((1 - p) / w.sums[i], -p / w.sums[i])
                        }
                        forEachTile(n) { rows, columns in accumulate(rows: rows, columns: columns, w) }
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

    /// Pass 1 on one tile: the smallest distance and the sums of exponentials of each row of `rows` and, unless
    /// the tile is diagonal, of each sample of `columns` (the tile's columns), updated online.
    private func normalizers(rows: Range<Int>, columns: Range<Int>, _ w: Workspace) {
        distances(rows: rows, columns: columns, w)
        let (width, diagonal) = (columns.count, rows == columns)
        let (minima, sums, sameSums) = (w.minima.baseAddress!, w.sums.baseAddress!, w.sameSums.baseAddress!)
        // The new minima of the tile's rows and columns first, so the exponentials below are all ≤ 1.
        let (rowMinima, columnMinima) = (w.rowScratch.baseAddress!, minima + columns.lowerBound)
        let newColumnMinima = UnsafeMutableBufferPointer(rebasing: w.columnScratch[0..<width])
        for c in 0..<width { newColumnMinima[c] = columnMinima[c] }
        for r in 0..<rows.count {
            let row = UnsafeMutableBufferPointer(start: w.tile.baseAddress! + r * width, count: width)
            rowMinima[r] = min(minima[rows.lowerBound + r], Self.minimum(row))
            if !diagonal {
                for c in 0..<width { newColumnMinima[c] = min(newColumnMinima[c], row[c]) }
            }
        }
        if !diagonal {
            for c in 0..<width {
                let scale = SoftmaxExponential.value(newColumnMinima[c] - columnMinima[c])
                (columnMinima[c], sums[columns.lowerBound + c], sameSums[columns.lowerBound + c]) =
                    (newColumnMinima[c], sums[columns.lowerBound + c] * scale, sameSums[columns.lowerBound + c] * scale)
            }
        }
        let split = !diagonal && prepareFactors(rowMinima: rowMinima, rows.count, columns: columns, w)
        for index in 0..<(2 * FixedChunks.count * width) { w.chunkColumns[index] = 0 }
        let ranges = classRanges
        FixedChunks.forEach(work: rows.count * width) { chunk in
            let (minima, sums, sameSums) = (w.minima.baseAddress!, w.sums.baseAddress!, w.sameSums.baseAddress!)
            let columnSums = w.chunkColumns.baseAddress! + 2 * chunk * width
            let columnSameSums = columnSums + width
            let columnMinima = minima + columns.lowerBound
            let columnFactors = w.columnFactors.baseAddress!
            for r in FixedChunks.range(chunk, of: rows.count) {
                let i = rows.lowerBound + r
                let row = UnsafeMutableBufferPointer(start: w.tile.baseAddress! + r * width, count: width)
                let nearest = w.rowScratch[r]
                let scale = SoftmaxExponential.value(nearest - minima[i])
                let same = Self.local(ranges[w.labels[i]], in: columns)
                let (sum, sameSum): (Double, Double)
                if split {
                    // eᵢⱼ = exp((mᵢ + mⱼ)/2 − dᵢⱼ); exp(mᵢ − dᵢⱼ) = eᵢⱼ·Rᵢ·Cⱼ and exp(mⱼ − dᵢⱼ) = eᵢⱼ/(Rᵢ·Cⱼ).
                    let half = nearest / 2
                    for c in 0..<width { row[c] = SoftmaxExponential.wideValue(half + columnMinima[c] / 2 - row[c]) }
                    let (rowFactor, inverse) = (SoftmaxExponential.wideValue(half - w.center), SoftmaxExponential.wideValue(w.center - half))
                    for c in 0..<same.lowerBound { columnSums[c] += row[c] * inverse }
                    for c in same {
                        columnSums[c] += row[c] * inverse
                        columnSameSums[c] += row[c] * inverse
                    }
                    for c in same.upperBound..<width { columnSums[c] += row[c] * inverse }
                    sameSum = rowFactor * Self.dot(row, columnFactors, same)
                    sum = sameSum + rowFactor * (Self.dot(row, columnFactors, 0..<same.lowerBound)
                                                 + Self.dot(row, columnFactors, same.upperBound..<width))
                } else {
                    if !diagonal {
                        Self.addColumnExponentials(row: row.baseAddress!, 0..<same.lowerBound, shifts: columnMinima,
                                                   into: columnSums)
                        Self.addColumnExponentials(row: row.baseAddress!, same, shifts: columnMinima, into: columnSums,
                                                   alsoInto: columnSameSums)
                        Self.addColumnExponentials(row: row.baseAddress!, same.upperBound..<width, shifts: columnMinima,
                                                   into: columnSums)
                    }
                    // The row's own exponentials in place (the tile is recomputed in pass 2), then their sums.
                    for c in 0..<width { row[c] = SoftmaxExponential.value(nearest - row[c]) }
                    sameSum = Self.sum(row, same)
                    sum = sameSum + Self.sum(row, 0..<same.lowerBound) + Self.sum(row, same.upperBound..<width)
                }
                (minima[i], sums[i], sameSums[i]) = (nearest, sums[i] * scale + sum, sameSums[i] * scale + sameSum)
            }
        }
        if !diagonal {
            for chunk in 0..<FixedChunks.count {
                let columnSums = w.chunkColumns.baseAddress! + 2 * chunk * width
                for c in 0..<width {
                    let factor = split ? w.columnFactors[width + c] : 1
                    sums[columns.lowerBound + c] += factor * columnSums[c]
                    sameSums[columns.lowerBound + c] += factor * columnSums[width + c]
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
    static let splitSpan = 1024.0

    /// Pass 2 on one tile: W'_IJ + W'_JIᵀ in place (W'_II alone on a diagonal tile), its contributions to the
    /// column sums of W' and to T.
    private func accumulate(rows: Range<Int>, columns: Range<Int>, _ w: Workspace) {
        distances(rows: rows, columns: columns, w)
        let (k, width, diagonal) = (componentCount, columns.count, rows == columns)
        let split = !diagonal && prepareFactors(rowMinima: w.minima.baseAddress! + rows.lowerBound, rows.count,
                                                columns: columns, w)
        if split {
            // The column factors times the coefficients of W'ⱼᵢ: 1/Cⱼ·(1 − pⱼ)/Σⱼ and 1/Cⱼ·(−pⱼ/Σⱼ).
            for c in 0..<width {
                let j = columns.lowerBound + c
                w.columnFactors[2 * width + c] = w.columnFactors[width + c] * w.sameCoefficients[j]
                w.columnFactors[width + c] *= w.otherCoefficients[j]
            }
        }
        for index in 0..<(FixedChunks.count * width) { w.chunkColumns[index] = 0 }
        let ranges = classRanges
        FixedChunks.forEach(work: rows.count * width) { chunk in
            let (minima, sameCoefficients, otherCoefficients, allColumnSums) =
                (w.minima.baseAddress!, w.sameCoefficients.baseAddress!, w.otherCoefficients.baseAddress!, w.columnSums.baseAddress!)
            let columnSums = w.chunkColumns.baseAddress! + chunk * width
            let (columnMinima, columnSame, columnOther) =
                (minima + columns.lowerBound, sameCoefficients + columns.lowerBound, otherCoefficients + columns.lowerBound)
            let factors = w.columnFactors.baseAddress!
            for r in FixedChunks.range(chunk, of: rows.count) {
                let i = rows.lowerBound + r
                let row = w.tile.baseAddress! + r * width
                let (nearest, same) = (minima[i], Self.local(ranges[w.labels[i]], in: columns))
                let backward = w.rowScratch.baseAddress! + chunk * width
                if split {
                    let half = nearest / 2
                    let (rowFactor, inverse) = (SoftmaxExponential.wideValue(half - w.center),
                                                SoftmaxExponential.wideValue(w.center - half))
                    let (other, sameClass) = (rowFactor * otherCoefficients[i], rowFactor * sameCoefficients[i])
                    let (otherFactors, sameFactors) = (factors + width, factors + 2 * width)
                    func fill(_ range: Range<Int>, _ forwardFactor: Double, _ columnCoefficients: UnsafeMutablePointer<Double>) {
                        Self.splitWeights(row: row, range, half: half, forwardFactor: forwardFactor, backwardFactor: inverse,
                                          columnMinima: columnMinima, columnFactors: factors,
                                          columnCoefficients: columnCoefficients, columnSums: columnSums, backward: backward)
                    }
                    fill(0..<same.lowerBound, other, otherFactors)
                    fill(same, sameClass, sameFactors)
                    fill(same.upperBound..<width, other, otherFactors)
                } else {
                    // W'ᵢⱼ for the row's own sample i and, off the diagonal, W'ⱼᵢ for the column's sample j, whose
                    // class is i's exactly in `same`.
                    let shifts = diagonal ? nil : columnMinima
                    Self.weights(row: row, 0..<same.lowerBound, rowShift: nearest, coefficient: otherCoefficients[i],
                                 columnShifts: shifts, columnCoefficients: columnOther, columnSums: columnSums, backward: backward)
                    Self.weights(row: row, same, rowShift: nearest, coefficient: sameCoefficients[i],
                                 columnShifts: shifts, columnCoefficients: columnSame, columnSums: columnSums, backward: backward)
                    Self.weights(row: row, same.upperBound..<width, rowShift: nearest, coefficient: otherCoefficients[i],
                                 columnShifts: shifts, columnCoefficients: columnOther, columnSums: columnSums, backward: backward)
                }
                if !diagonal {
                    allColumnSums[i] += Self.sum(UnsafeMutableBufferPointer(start: backward, count: width), 0..<width)
                }
            }
        }
        for chunk in 0..<FixedChunks.count {
            for c in 0..<width { w.columnSums[columns.lowerBound + c] += w.chunkColumns[chunk * width + c] }
        }
        let tile = UnsafeBufferPointer(w.tile)
        // T_I += S·Z_J and T_J += Sᵀ·Z_I, with S = W'_IJ + W'_JIᵀ (S = W'_II on a diagonal tile).
        BufferProducts.multiply(tile, w.embedding(columns), into: w.tangent(rows), m: rows.count, n: k, k: width, beta: 1)
        BufferProducts.multiply(tile, transposingA: true, w.embedding(rows), into: w.tangent(columns),
                                m: width, n: k, k: rows.count, beta: 1)
    }

    /// Adds exp(shifts[c] − row[c]) to `sums[c]` and, when given, to `alsoInto[c]`, for c ∈ `range`.
    @inline(__always)
    private static func addColumnExponentials(
        row: UnsafeMutablePointer<Double>, _ range: Range<Int>, shifts: UnsafeMutablePointer<Double>,
        into sums: UnsafeMutablePointer<Double>, alsoInto sameSums: UnsafeMutablePointer<Double>? = nil
    ) {
        if let sameSums {
            for c in range {
                let e = SoftmaxExponential.value(shifts[c] - row[c])
                sums[c] += e
                sameSums[c] += e
            }
        } else {
            for c in range { sums[c] += SoftmaxExponential.value(shifts[c] - row[c]) }
        }
    }

    /// Replaces row[c], c ∈ `range`, by the weight forward = exp(`rowShift` − row[c])·`coefficient` (W'ᵢⱼ) plus,
    /// with `columnShifts`, backward[c] = exp(columnShifts[c] − row[c])·columnCoefficients[c] (W'ⱼᵢ), and adds the
    /// forward weights to `columnSums[c]`.
    @inline(__always)
    private static func weights(
        row: UnsafeMutablePointer<Double>, _ range: Range<Int>, rowShift: Double, coefficient: Double,
        columnShifts: UnsafeMutablePointer<Double>?, columnCoefficients: UnsafeMutablePointer<Double>,
        columnSums: UnsafeMutablePointer<Double>, backward: UnsafeMutablePointer<Double>
    ) {
        guard let columnShifts else {
            for c in range {
                row[c] = SoftmaxExponential.value(rowShift - row[c]) * coefficient
                columnSums[c] += row[c]
            }
            return
        }
        for c in range {
            let forward = SoftmaxExponential.value(rowShift - row[c]) * coefficient
            backward[c] = SoftmaxExponential.value(columnShifts[c] - row[c]) * columnCoefficients[c]
            row[c] = forward + backward[c]
            columnSums[c] += forward
        }
    }

    /// The split form of `weights` off the diagonal (see `prepareFactors`): with eᵢⱼ = exp(hᵢ + hⱼ − dᵢⱼ), hⱼ =
    /// columnMinima[c]/2, forward = e·forwardFactor·columnFactors[c] and backward = e·backwardFactor·columnCoefficients[c].
    @inline(__always)
    private static func splitWeights(
        row: UnsafeMutablePointer<Double>, _ range: Range<Int>, half: Double, forwardFactor: Double,
        backwardFactor: Double, columnMinima: UnsafeMutablePointer<Double>, columnFactors: UnsafeMutablePointer<Double>,
        columnCoefficients: UnsafeMutablePointer<Double>, columnSums: UnsafeMutablePointer<Double>,
        backward: UnsafeMutablePointer<Double>
    ) {
        for c in range {
            let e = SoftmaxExponential.wideValue(half + columnMinima[c] / 2 - row[c])
            let forward = e * (forwardFactor * columnFactors[c])
            backward[c] = e * (backwardFactor * columnCoefficients[c])
            row[c] = forward + backward[c]
            columnSums[c] += forward
        }
    }

    /// The part of `range` inside `columns`, as column offsets within the tile.
    private static func local(_ range: Range<Int>, in columns: Range<Int>) -> Range<Int> {
        let lower = min(max(range.lowerBound, columns.lowerBound), columns.upperBound) - columns.lowerBound
        let upper = min(max(range.upperBound, columns.lowerBound), columns.upperBound) - columns.lowerBound
        return lower..<max(lower, upper)
    }

    /// Replaces sample `i`'s distances to every sample by W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) and returns pᵢ;
    /// ∂pᵢ/∂dᵢⱼ = −W'ᵢⱼ. Samples are sorted by class, `sameClass` being the rows of sample i's class, so no
    /// loop compares labels and each one vectorises. The softmax subtracts the smallest off-diagonal distance
    /// first, so its largest term is exp(0) = 1 and nothing overflows or underflows to 0/0 (see `SoftmaxExponential`).
    static func softmaxWeights(inPlace row: UnsafeMutableBufferPointer<Double>, sample i: Int,
                               sameClass: Range<Int>) -> Double {
        let n = row.count
        row[i] = .infinity
        let nearest = minimum(row)
        for j in 0..<n { row[j] = SoftmaxExponential.value(nearest - row[j]) }
        let sameSum = sum(row, sameClass)
        let total = sameSum + sum(row, 0..<sameClass.lowerBound) + sum(row, sameClass.upperBound..<n)
        let p = sameSum / total
        let (other, same) = (-p / total, (1 - p) / total)
        for j in 0..<sameClass.lowerBound { row[j] *= other }
        for j in sameClass { row[j] *= same }
        for j in sameClass.upperBound..<n { row[j] *= other }
        return p
    }

    /// The smallest element, with four running minima so the comparisons pipeline.
    private static func minimum(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
        var (m0, m1, m2, m3) = (Double.infinity, Double.infinity, Double.infinity, Double.infinity)
        var j = 0
        while j + 4 <= values.count {
            m0 = min(m0, values[j])
            m1 = min(m1, values[j + 1])
            m2 = min(m2, values[j + 2])
            m3 = min(m3, values[j + 3])
            j += 4
        }
        while j < values.count {
            m0 = min(m0, values[j])
            j += 1
        }
        return min(min(m0, m1), min(m2, m3))
    }

    /// Σ values[range], with four running sums so the additions pipeline.
    private static func sum(_ values: UnsafeMutableBufferPointer<Double>, _ range: Range<Int>) -> Double {
        var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
        var j = range.lowerBound
        while j + 4 <= range.upperBound {
            s0 += values[j]
            s1 += values[j + 1]
            s2 += values[j + 2]
            s3 += values[j + 3]
            j += 4
        }
        while j < range.upperBound {
            s0 += values[j]
            j += 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    /// Σ values[c]·factors[c] over `range`, with four running sums so the additions pipeline.
    private static func dot(_ values: UnsafeMutableBufferPointer<Double>, _ factors: UnsafeMutablePointer<Double>,
                            _ range: Range<Int>) -> Double {
        var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
        var j = range.lowerBound
        while j + 4 <= range.upperBound {
            s0 += values[j] * factors[j]
            s1 += values[j + 1] * factors[j + 1]
            s2 += values[j + 2] * factors[j + 2]
            s3 += values[j + 3] * factors[j + 3]
            j += 4
        }
        while j < range.upperBound {
            s0 += values[j] * factors[j]
            j += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}

/// The buffers of one evaluation, carved out of `StochasticNeighbors.storage`. Chunk c writes only its own rows
/// of the tile, the per-sample entries of its own rows and its own part of `chunkColumns`, and only reads the
/// rest, so no two chunks touch the same element concurrently; the buffers outlive every `FixedChunks.forEach`.
private struct Workspace: @unchecked Sendable {
    let labels: UnsafeBufferPointer<Int>
    let z: UnsafeBufferPointer<Double>
    let t: UnsafeMutableBufferPointer<Double>
    let componentCount: Int
    /// One tile of distances, then of weights (b×b).
    let tile: UnsafeMutableBufferPointer<Double>
    /// Per sample: ‖zᵢ‖², the smallest distance mᵢ, Σ_l exp(mᵢ − dᵢₗ) and its same-class part, then pᵢ's
    /// coefficients (1 − pᵢ)/Σ and −pᵢ/Σ, and the column sums of W'.
    let norms, minima, sums, sameSums, sameCoefficients, otherCoefficients, columnSums: UnsafeMutableBufferPointer<Double>
    /// Two rows of b per chunk: its column sums of the tile.
    let chunkColumns: UnsafeMutableBufferPointer<Double>
    /// b doubles: the new minima of the tile's columns.
    let columnScratch: UnsafeMutableBufferPointer<Double>
    /// One row of b per chunk: the weights W'ⱼᵢ of the row in hand (pass 2); the new minima of the tile's rows (pass 1).
    let rowScratch: UnsafeMutableBufferPointer<Double>
    /// Three rows of b: the factors of the tile's columns (see `StochasticNeighbors.prepareFactors`), and their centre.
    let columnFactors: UnsafeMutableBufferPointer<Double>
    let centerSlot: UnsafeMutableBufferPointer<Double>
    var center: Double {
        get { centerSlot[0] }
        nonmutating set { centerSlot[0] = newValue }
    }

    static func size(sampleCount n: Int, tileSize b: Int) -> Int { b * b + 7 * n + (3 * FixedChunks.count + 4) * b + 1 }

    init(_ space: UnsafeMutableBufferPointer<Double>, labels: UnsafeBufferPointer<Int>, embedding: UnsafeBufferPointer<Double>,
         tangent: UnsafeMutableBufferPointer<Double>, componentCount: Int, tileSize b: Int) {
        let n = labels.count
        (self.labels, z, t, self.componentCount) = (labels, embedding, tangent, componentCount)
        var offset = 0
        func take(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
            defer { offset += count }
            return UnsafeMutableBufferPointer(rebasing: space[offset..<(offset + count)])
        }
        tile = take(b * b)
        (norms, minima, sums, sameSums) = (take(n), take(n), take(n), take(n))
        (sameCoefficients, otherCoefficients, columnSums) = (take(n), take(n), take(n))
        chunkColumns = take(2 * FixedChunks.count * b)
        columnScratch = take(b)
        rowScratch = take(FixedChunks.count * b)
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
