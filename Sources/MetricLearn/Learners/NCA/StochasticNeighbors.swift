/// The stochastic-neighbour softmax of NCA on an embedding Z (n×k) and its derivative, computed in row blocks.
///
/// pᵢⱼ = exp(−‖zᵢ − zⱼ‖²) / Σ_{l≠i} exp(−‖zᵢ − z_l‖²) for j ≠ i, pᵢᵢ = 0, and pᵢ = Σ_{j: yⱼ = yᵢ} pᵢⱼ.
/// `evaluate()` returns f = Σᵢ pᵢ and leaves in `tangent` the matrix T (n×k) with ∂f/∂Z = 2T, so that for
/// Z = X·Lᵀ the gradient over L is ∂f/∂L = 2·Tᵀ·X. With W'ᵢⱼ = pᵢⱼ([yⱼ = yᵢ] − pᵢ) (Goldberger et al. 2005),
///
///     T = (W' + W'ᵀ − diag(colsum W'))·Z
///
/// (each row of W' sums to pᵢ − pᵢ = 0, so only the column sums enter the diagonal, as in scikit-learn),
/// accumulated block by block. For a block B of rows, one `dgemm` gives −2·Z_B·Zᵀ, the squared norms turn
/// it into squared distances in place, the softmax turns those into W'_B in place, and two more `dgemm`s
/// add W'_B·Z to B's rows of T and W'_Bᵀ·Z_B to all of them. The n×n matrix W' is never formed: only one
/// block of it exists at a time.
///
/// Samples must be sorted by label (the objectives permute their rows once), so that each class is a
/// contiguous range of rows and the inner loops need no label comparisons.
///
/// The rows of a block are split into `FixedChunks` whose softmax runs concurrently; each chunk keeps its
/// own column sums and Σpᵢ, added up in chunk order, so the result does not depend on the number of cores.
///
/// Cost per evaluation: O(n²·k) for the three products, plus n² exponentials. Memory: one block buffer
/// (b·n doubles, b = 64 rows by default) and O(n·k), all allocated once here and reused by every
/// evaluation, so one instance serves one optimiser at a time.
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
    private let blockRowCount: Int
    private var block: [Double]
    private var norms: [Double]
    /// Column sums of W', one row of n per chunk.
    private var columnSums: [Double]
    /// Σpᵢ of each chunk's rows in the current block.
    private var chunkTotals: [Double]
    /// Rows per block: a block of distances (64·n doubles) stays in cache between the softmax and the two
    /// products that reuse it, which measured faster than larger blocks at n = 2000, and at n = 20 000 the
    /// extra passes over T (one per block) still cost little next to the products.
    static let defaultBlockRowCount = 64

    /// Workspace for samples with `sortedLabels` embedded in `componentCount` dimensions, in blocks of
    /// `blockRowCount` rows (`defaultBlockRowCount` when nil).
    init(sortedLabels: [Int], componentCount: Int, blockRowCount: Int? = nil) {
        let n = sortedLabels.count
        labels = sortedLabels
        classRanges = Self.classRanges(of: sortedLabels)
        self.componentCount = componentCount
        self.blockRowCount = max(1, min(blockRowCount ?? Self.defaultBlockRowCount, n))
        embedding = [Double](repeating: 0, count: n * componentCount)
        tangent = embedding
        block = [Double](repeating: 0, count: self.blockRowCount * n)
        norms = [Double](repeating: 0, count: n)
        columnSums = [Double](repeating: 0, count: FixedChunks.count * n)
        chunkTotals = [Double](repeating: 0, count: FixedChunks.count)
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
        let (n, k, height) = (labels.count, componentCount, blockRowCount)
        var total = 0.0
        labels.withUnsafeBufferPointer { y in
            embedding.withUnsafeBufferPointer { z in
                tangent.withUnsafeMutableBufferPointer { t in
                    block.withUnsafeMutableBufferPointer { w in
                        norms.withUnsafeMutableBufferPointer { norm in
                            columnSums.withUnsafeMutableBufferPointer { columnSum in
                                chunkTotals.withUnsafeMutableBufferPointer { chunkTotal in
                                    for i in 0..<n {
                                        var sum = 0.0
                                        for c in 0..<k { sum += z[i * k + c] * z[i * k + c] }
                                        norm[i] = sum
                                    }
                                    for index in columnSum.indices { columnSum[index] = 0 }
                                    for index in 0..<(n * k) { t[index] = 0 }
                                    var start = 0
                                    while start < n {
                                        let rows = start..<min(start + height, n)
                                        accumulate(rows: rows, embedding: z, labels: y, norms: norm, block: w, tangent: t,
                                                   columnSums: columnSum, chunkTotals: chunkTotal)
                                        for chunk in 0..<FixedChunks.count { total += chunkTotal[chunk] }
                                        start = rows.upperBound
                                    }
                                    // T −= diag(colsum W') · Z
                                    for i in 0..<n {
                                        var columnSumI = 0.0
                                        for chunk in 0..<FixedChunks.count { columnSumI += columnSum[chunk * n + i] }
                                        for c in 0..<k { t[i * k + c] -= columnSumI * z[i * k + c] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return total
    }

    /// One block of rows: distances, W' in place (chunks concurrently), and its two contributions to T.
    /// Each chunk adds its column sums of W' to its own row of `columnSums` and writes Σpᵢ to `chunkTotals`.
    private func accumulate(
        rows: Range<Int>, embedding z: UnsafeBufferPointer<Double>, labels y: UnsafeBufferPointer<Int>,
        norms: UnsafeMutableBufferPointer<Double>, block w: UnsafeMutableBufferPointer<Double>,
        tangent t: UnsafeMutableBufferPointer<Double>, columnSums: UnsafeMutableBufferPointer<Double>,
        chunkTotals: UnsafeMutableBufferPointer<Double>
    ) {
        let (n, k, b) = (y.count, componentCount, rows.count)
        let zBlock = UnsafeBufferPointer(rebasing: z[(rows.lowerBound * k)..<(rows.upperBound * k)])
        let weights = UnsafeMutableBufferPointer(rebasing: w[0..<(b * n)])
        // −2·Z_B·Zᵀ, then ‖zᵢ‖² + ‖zⱼ‖² − 2zᵢ·zⱼ clamped at 0 (the expansion can round below 0).
        BufferProducts.multiply(zBlock, z, transposingB: true, into: weights, m: b, n: n, k: k, alpha: -2)
        let shared = ChunkBuffers(weights: weights, norms: norms, labels: y, columnSums: columnSums, chunkTotals: chunkTotals)
        let ranges = classRanges
        FixedChunks.forEach(work: b * n) { chunk in
            var total = 0.0
            let sums = UnsafeMutableBufferPointer(rebasing: shared.columnSums[(chunk * n)..<((chunk + 1) * n)])
            for r in FixedChunks.range(chunk, of: b) {
                let i = rows.lowerBound + r
                let row = UnsafeMutableBufferPointer(rebasing: shared.weights[(r * n)..<((r + 1) * n)])
                let normI = shared.norms[i]
                for j in 0..<n { row[j] = max(0, row[j] + normI + shared.norms[j]) }
                total += Self.softmaxWeights(inPlace: row, sample: i, sameClass: ranges[shared.labels[i]])
                for j in 0..<n { sums[j] += row[j] }
            }
            shared.chunkTotals[chunk] = total
        }
        let blockWeights = UnsafeBufferPointer(weights)
        // T_B += W'_B·Z and T += W'_Bᵀ·Z_B
        BufferProducts.multiply(blockWeights, z, into: UnsafeMutableBufferPointer(rebasing: t[(rows.lowerBound * k)...]),
                                m: b, n: k, k: n, beta: 1)
        BufferProducts.multiply(blockWeights, transposingA: true, zBlock, into: t, m: n, n: k, k: b, beta: 1)
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
}

/// The buffers the concurrent chunks of one block share. Chunk c writes only its own rows of `weights`, its
/// own row of `columnSums` and `chunkTotals[c]`, and only reads the rest, so no two chunks touch the same
/// element concurrently; the buffers outlive `FixedChunks.forEach`, which returns after every chunk.
private struct ChunkBuffers: @unchecked Sendable {
    let weights: UnsafeMutableBufferPointer<Double>
    let norms: UnsafeMutableBufferPointer<Double>
    let labels: UnsafeBufferPointer<Int>
    let columnSums: UnsafeMutableBufferPointer<Double>
    let chunkTotals: UnsafeMutableBufferPointer<Double>
}
