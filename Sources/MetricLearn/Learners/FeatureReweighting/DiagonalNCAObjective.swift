/// The regularised diagonal NCA loss of Yang, Wang & Zuo (2012), MATLAB `fscnca`'s objective, as a
/// function of one weight per feature.
///
/// With the weighted L1 distance D_w(xᵢ, xⱼ) = Σ_l w_l²·|x_il − x_jl| and NCA's softmax pᵢ over it
/// (see `StochasticNeighbors.softmaxWeights`), the loss is
///
///     −F(w) = −(1/n)·Σᵢ pᵢ + λ·Σ_l w_l²,
///
/// and, since ∂pᵢ/∂Dᵢⱼ = −W'ᵢⱼ, ∂(−F)/∂w_l = (2/n)·w_l·Σᵢⱼ W'ᵢⱼ·|x_il − x_jl| + 2λ·w_l.
/// The L1 distance has no Gram-matrix form, so one evaluation is two O(n·d) sweeps per sample over the
/// feature-major copy of X: O(n²·d) time, O(n·d) memory, never an n×n matrix.
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
        let order = StochasticNeighbors.classOrder(of: labels)
        featureMajor = x.rows(at: order).transposed().elements
        self.labels = order.map { labels[$0] }
        classRanges = StochasticNeighbors.classRanges(of: self.labels)
        self.regularization = regularization
        self.dimension = x.columnCount
    }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        let (n, d) = (labels.count, dimension)
        var buffer = [Double](repeating: 0, count: n)                // sample i's distances, then W'ᵢ.
        var differenceSums = [Double](repeating: 0, count: d)        // Σᵢⱼ W'ᵢⱼ·|x_il − x_jl|
        var expectedHits = 0.0
        featureMajor.withUnsafeBufferPointer { x in
            buffer.withUnsafeMutableBufferPointer { row in
                for i in 0..<n {
                    for j in 0..<n { row[j] = 0 }
                    for l in 0..<d {
                        let (scale, value, feature) = (point[l] * point[l], x[l * n + i], l * n)
                        for j in 0..<n { row[j] += scale * abs(value - x[feature + j]) }
                    }
                    expectedHits += StochasticNeighbors.softmaxWeights(inPlace: row, sample: i,
                                                                         sameClass: classRanges[labels[i]])
                    for l in 0..<d {
                        let (value, feature) = (x[l * n + i], l * n)
                        var sum = 0.0
                        for j in 0..<n { sum += row[j] * abs(value - x[feature + j]) }
                        differenceSums[l] += sum
                    }
                }
            }
        }
        var penalty = 0.0
        for l in 0..<d {
            gradient[l] = 2 * point[l] * (differenceSums[l] / Double(n) + regularization)
            penalty += point[l] * point[l]
        }
        return -expectedHits / Double(n) + regularization * penalty
    }
}
