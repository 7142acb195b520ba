/// The regularised diagonal NCA loss of Yang, Wang & Zuo (2012), MATLAB `fscnca`'s objective, as a
/// function of one weight per feature.
///
/// With the weighted L1 distance D_w(xᵢ, xⱼ) = Σ_l w_l²·|x_il − x_jl| and NCA's softmax pᵢ over it
/// (see `SameClassWeighting.softmaxWeights`), the loss is
///
///     −F(w) = −(1/n)·Σᵢ pᵢ + λ·Σ_l w_l²,
///
/// and, since ∂pᵢ/∂Dᵢⱼ = −W'ᵢⱼ, ∂(−F)/∂w_l = (2/n)·w_l·Σᵢⱼ W'ᵢⱼ·|x_il − x_jl| + 2λ·w_l.
/// The L1 distance has no Gram-matrix form, so one evaluation is two O(n·d) sweeps per sample over the
/// feature-major copy of X, the samples split into `Parallel` fixed chunks that run concurrently: O(n²·d) time,
/// O(n·d) memory, never an n×n matrix.
struct DiagonalNCAObjective: DifferentiableObjective {
    /// Xᵀ (d×n, row-major) with samples sorted by label: feature l of every sample is contiguous.
    let featureMajor: [Double]
    /// The rows of each class in that order.
    let classRanges: [Range<Int>]
    /// The class of each sample in that order.
    let labels: [Int]
    /// λ, the weight of the squared norm of w.
    let regularization: Double
    /// The number of features d.
    let dimension: Int

    init(x: Matrix, labels: [Int], regularization: Double) {
        let order = SameClassWeighting.classOrder(of: labels)
        featureMajor = x.rows(at: order).transposed().elements
        self.labels = order.map { labels[$0] }
        classRanges = SameClassWeighting.classRanges(of: self.labels)
        self.regularization = regularization
        self.dimension = x.columnCount
    }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        let (n, d) = (labels.count, dimension)
        let scales = point.map { $0 * $0 }
        let (ranges, sampleLabels) = (classRanges, labels)
        var rows = [Double](repeating: 0, count: Parallel.chunkCount * n)         // per chunk: distances, then W'ᵢ
        var sums = [Double](repeating: 0, count: Parallel.chunkCount * d)         // per chunk: Σᵢⱼ W'ᵢⱼ·|x_il − x_jl|
        var totals = [Double](repeating: 0, count: Parallel.chunkCount)           // per chunk: Σpᵢ
        featureMajor.withUnsafeBufferPointer { x in
            rows.withUnsafeMutableBufferPointer { rowBuffers in
                sums.withUnsafeMutableBufferPointer { sumBuffers in
                    totals.withUnsafeMutableBufferPointer { totalBuffer in
                        let shared = DiagonalChunkBuffers(x: x, rows: rowBuffers, sums: sumBuffers, totals: totalBuffer)
                        Parallel.forEach(jobs: Parallel.chunkCount, work: n * n * d) { chunk, _ in
                            let row = UnsafeMutableBufferPointer(rebasing: shared.rows[(chunk * n)..<((chunk + 1) * n)])
                            var total = 0.0
                            for i in Parallel.chunk(chunk, of: n) {
                                for j in 0..<n { row[j] = 0 }
                                for l in 0..<d {
                                    let (scale, value, feature) = (scales[l], shared.x[l * n + i], l * n)
                                    for j in 0..<n { row[j] += scale * abs(value - shared.x[feature + j]) }
                                }
                                total += SameClassWeighting.softmaxWeights(inPlace: row, sample: i,
                                                                            sameClass: ranges[sampleLabels[i]])
                                for l in 0..<d {
                                    let (value, feature) = (shared.x[l * n + i], l * n)
                                    var sum = 0.0
                                    for j in 0..<n { sum += row[j] * abs(value - shared.x[feature + j]) }
                                    shared.sums[chunk * d + l] += sum
                                }
                            }
                            shared.totals[chunk] = total
                        }
                    }
                }
            }
        }
        var expectedHits = 0.0, penalty = 0.0
        for chunk in 0..<Parallel.chunkCount { expectedHits += totals[chunk] }
        for l in 0..<d {
            var differenceSum = 0.0
            for chunk in 0..<Parallel.chunkCount { differenceSum += sums[chunk * d + l] }
            gradient[l] = 2 * point[l] * (differenceSum / Double(n) + regularization)
            penalty += point[l] * point[l]
        }
        return -expectedHits / Double(n) + regularization * penalty
    }
}

/// The buffers the concurrent chunks of one evaluation share: chunk c writes only its own row buffer, its own
/// d sums and `totals[c]`, and only reads `x`; they outlive `Parallel.forEach`.
private struct DiagonalChunkBuffers: @unchecked Sendable {
    let x: UnsafeBufferPointer<Double>
    let rows: UnsafeMutableBufferPointer<Double>
    let sums: UnsafeMutableBufferPointer<Double>
    let totals: UnsafeMutableBufferPointer<Double>
}
