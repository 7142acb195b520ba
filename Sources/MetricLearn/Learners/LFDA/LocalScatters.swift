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
        var within = Matrix(rowCount: d, columnCount: d)
        var pairCorrection = Matrix(rowCount: d, columnCount: d)
        for group in NeighborSearch.withinClasses(of: x, labels: labels, count: neighborCount) {
            let scales = group.members.indices.map { position in
                group.squaredDistances[position * group.count + group.count - 1].squareRoot()
            }
            let rows = x.rows(at: group.members)
            let centered = rows.subtractingFromEachRow(rows.columnMeans())
            let affinityScatter = Self.affinityScatter(of: centered, scales: scales)
            within += affinityScatter / Double(group.members.count)
            pairCorrection += affinityScatter - Double(group.members.count) * centered.transposedTimesSelf()
        }
        total = x.subtractingFromEachRow(x.columnMeans()).transposedTimesSelf()
        self.within = within.symmetrized()
        between = (total + pairCorrection / Double(x.rowCount) - within).symmetrized()
    }

    /// G = Xᵀ·diag(A·1)·X − Xᵀ·A·X for the affinities Aᵢⱼ = exp(−‖xᵢ − xⱼ‖²/(σᵢσⱼ)) (0 where σᵢσⱼ = 0) of the rows
    /// of `x`. A is formed a block of rows at a time from the blocked squared distances, and A·X accumulated
    /// block by block through BLAS, so memory stays O(block · n_c + n_c·d) (`blockRowCount` rows a block, default
    /// `PairwiseDistances`' budget).
    static func affinityScatter(of x: Matrix, scales: [Double], blockRowCount: Int? = nil) -> Matrix {
        let (n, d) = (x.rowCount, x.columnCount)
        let height = min(n, blockRowCount ?? PairwiseDistances.defaultBlockRowCount(referenceCount: n))
        var affinities = [Double](repeating: 0, count: height * n)
        var degrees = [Double](repeating: 0, count: n)
        var weighted = [Double](repeating: 0, count: n * d)   // A·X
        PairwiseDistances.forEachBlock(queries: x, references: x, blockRowCount: height) { rows, squaredDistances in
            affinities.withUnsafeMutableBufferPointer { affinities in
                degrees.withUnsafeMutableBufferPointer { degrees in
                    let block = AffinityBlock(squaredDistances: squaredDistances, affinities: affinities, degrees: degrees)
                    Parallel.forEach(jobs: Parallel.chunkCount, work: rows.count * n) { chunk, _ in
                        let part = Parallel.chunk(chunk, of: rows.count)
                        block.fill(rows: part.lowerBound + rows.lowerBound ..< part.upperBound + rows.lowerBound,
                                   firstRow: rows.lowerBound, scales: scales)
                    }
                }
            }
            affinities.withUnsafeBufferPointer { a in
                x.elements.withUnsafeBufferPointer { xs in
                    weighted.withUnsafeMutableBufferPointer { y in
                        BufferProducts.multiply(a, xs, into: UnsafeMutableBufferPointer(rebasing: y[(rows.lowerBound * d)...]),
                                                m: rows.count, n: d, k: n)
                    }
                }
            }
        }
        var scaled = x
        for i in 0..<n { for j in 0..<d { scaled[i, j] *= degrees[i] } }
        return x.transposedTimes(scaled) - x.transposedTimes(Matrix(rowCount: n, columnCount: d, elements: weighted))
    }
}

/// One block of rows of the affinity matrix being formed: each concurrent chunk writes only its own rows of
/// `affinities` and its own rows' `degrees`, and only reads `squaredDistances`; the buffers outlive the chunks.
private struct AffinityBlock: @unchecked Sendable {
    /// The block's squared distances (block rows × n, row-major).
    let squaredDistances: UnsafeBufferPointer<Double>
    /// The block's affinities (block rows × n, row-major).
    let affinities: UnsafeMutableBufferPointer<Double>
    /// The row sums of the affinity matrix, one per sample.
    let degrees: UnsafeMutableBufferPointer<Double>

    /// Aᵢⱼ = exp(−dᵢⱼ/(σᵢσⱼ)) (0 where σᵢσⱼ = 0) for the samples `rows` of the block that starts at `firstRow`.
    func fill(rows: Range<Int>, firstRow: Int, scales: [Double]) {
        let n = scales.count
        for i in rows {
            let offset = (i - firstRow) * n
            var degree = 0.0
            for j in 0..<n {
                let scale = scales[i] * scales[j]
                let affinity = scale > 0 ? SoftmaxExponential.wideValue(-squaredDistances[offset + j] / scale) : 0
                affinities[offset + j] = affinity
                degree += affinity
            }
            degrees[i] = degree
        }
    }
}
