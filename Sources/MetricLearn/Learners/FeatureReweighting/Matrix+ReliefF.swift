extension Matrix {
    /// Kononenko's (1994) ReliefF weight of each feature, for every sample used as an instance.
    ///
    /// Features are scaled by their range, diff_l(a, b) = |a_l − b_l| / (max_l − min_l) (0 for a constant
    /// feature), and neighbours are found with the Manhattan distance Σ_l diff_l. For each sample i, with
    /// H the `neighborCount` nearest samples of its class and M_C those of each other class C (fewer when a
    /// class is smaller; selected by `NeighborHeap`, so ties go to the lower row index),
    ///
    ///     W_l = (1/n)·Σᵢ [ −mean_{h∈H} diff_l(xᵢ, x_h) + Σ_{C≠yᵢ} P(C)/(1 − P(yᵢ))·mean_{m∈M_C} diff_l(xᵢ, x_m) ],
    ///
    /// with P the class frequencies. Weights lie in [−1, 1]. Cost O(n²·d) time, O(n·d) memory.
    func reliefFWeights(labels: [Int], neighborCount: Int) -> [Double] {
        let (n, d) = (rowCount, columnCount)
        let classCount = (labels.max() ?? 0) + 1
        var classSizes = [Int](repeating: 0, count: classCount)
        for label in labels { classSizes[label] += 1 }
        let scaled = rangeScaled()
        var weights = [Double](repeating: 0, count: d)
        var distances = [Double](repeating: 0, count: n)
        // The nearest samples of each class (`NeighborHeap`: by distance, then by row index), one heap per class.
        var nearest = classSizes.map { NeighborHeap(capacity: max(1, min(neighborCount, $0))) }
        var neighborIndices = [Int](repeating: 0, count: min(neighborCount, n))
        var neighborDistances = [Double](repeating: 0, count: neighborIndices.count)

        scaled.elements.withUnsafeBufferPointer { s in
            for i in 0..<n {
                distances.withUnsafeMutableBufferPointer { distance in
                    for j in 0..<n {
                        var sum = 0.0
                        for l in 0..<d { sum += abs(s[j * d + l] - s[i * d + l]) }
                        distance[j] = sum
                    }
                }
                // Candidates come in increasing index order, so one at the worst kept distance loses the tie.
                nearest.withUnsafeMutableBufferPointer { heaps in
                    for j in 0..<n where j != i && distances[j] < heaps[labels[j]].bound {
                        heaps[labels[j]].offer(distance: distances[j], index: j)
                    }
                }
                let ownShare = Double(classSizes[labels[i]]) / Double(n)
                for label in nearest.indices where nearest[label].count > 0 {
                    let count = nearest[label].count
                    nearest[label].drain(intoDistances: &neighborDistances, indices: &neighborIndices, at: 0)
                    let sign: Double = label == labels[i] ? -1 : Double(classSizes[label]) / Double(n) / (1 - ownShare)
                    let factor = sign / Double(count)
                    for neighbor in neighborIndices[0..<count] {
                        for l in 0..<d { weights[l] += factor * abs(s[neighbor * d + l] - s[i * d + l]) }
                    }
                }
            }
        }
        return weights.map { $0 / Double(n) }
    }

    /// Each column mapped to [0, 1] by (x − min)/(max − min); a constant column becomes 0. Halves are
    /// subtracted so that the range of any finite column is finite.
    private func rangeScaled() -> Matrix {
        var scaled = [Double](repeating: 0, count: rowCount * columnCount)
        for j in 0..<columnCount {
            let values = column(j)
            let low = (values.min() ?? 0) / 2
            let range = (values.max() ?? 0) / 2 - low
            guard range > 0 else { continue }
            for i in 0..<rowCount { scaled[i * columnCount + j] = (values[i] / 2 - low) / range }
        }
        return Matrix(rowCount: rowCount, columnCount: columnCount, elements: scaled)
    }
}
