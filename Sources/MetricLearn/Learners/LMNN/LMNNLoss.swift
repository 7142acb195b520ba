/// LMNN's loss and its gradient for fixed target neighbours, on a set of anchor rows: what the full-batch objective
/// (`LMNNObjective`, every sample an anchor) and the mini-batch one (`LMNNBatchObjective`, a batch's samples the
/// anchors) share.
///
///   f(L) = s·(1 − μ)·Σᵢ Σ_{j∈T(i)} dᵢⱼ + μ·Σᵢ s_{yᵢ}·Σ_{j∈T(i)} Σ_{l: y_l ≠ yᵢ} ℓ(1 + dᵢⱼ − dᵢₗ),   dₐᵦ = ‖L(xₐ − xᵦ)‖²,
///
/// where i runs over the anchors, l over the other anchors, ℓ(h) = [h]₊ (`.hinge`) or [h]₊² (`.squaredHinge`), and
/// the scales s (pull) and s_c (push of an anchor of class c) are 1 for the full objective. A triplet is active when
/// 1 + dᵢⱼ − dᵢₗ > 0.
///
/// Gradient: ∇f = 2L·Σ wₐᵦ(xₐ − xᵦ)(xₐ − xᵦ)ᵀ = 2L·XᵀCX = 2·Zᵀ(CX) with Z = XLᵀ, where C is the sparse
/// weighted graph Laplacian of the pairs: a target pair (i, j) weighs s·(1 − μ) + μ·s_{yᵢ}·Σₗ ℓ′, an impostor pair
/// {a, b} weighs −μ·Σ s·ℓ′ over its active triplets in both directions. CX is accumulated pair by pair (rows a
/// and b change by ±w(xₐ − xᵦ), O(d) a pair), so the cost after the impostor search is
/// O((m·k + pairs)·d + r·d·k') for m anchors and r rows, with two `dgemm`s; no n×n or pairs×d matrix is formed.
/// Forming Σ w·vvᵀ from a pairs×d difference matrix would cost O(pairs·d²) instead.
///
/// The impostor search is `ImpostorPairs` (O(Σ_{c<c'} m_c·m_c'·k') in row blocks). Scratch buffers live in a private
/// workspace reused across calls; no state carries from one evaluation to the next except the last statistics.
struct LMNNLoss {
    /// k, the target neighbours per anchor.
    let neighborCount: Int
    /// The output dimension k' (rows of L).
    let componentCount: Int
    /// μ, the weight of the push term.
    let pushWeight: Double
    /// ℓ.
    let loss: LMNN.Loss
    private let workspace = Workspace()

    /// What one evaluation found, for the fit report.
    struct Statistics: Equatable {
        var activeTriplets = 0
        var impostorPairs = 0
    }

    /// The rows of one evaluation: the anchors are the first `anchorLabels.count` rows of `x`, and anchor i's
    /// target neighbours are the rows `targets[i·k ..< (i + 1)·k]` of `x` (rows may repeat).
    struct Rows {
        let x: Matrix
        let anchorLabels: [Int]
        let targets: [Int]
        /// s, the scale of the pull term.
        var pullScale = 1.0
        /// s_c for each class c, or nil for 1.
        var pushScales: [Double]? = nil
    }

    private final class Workspace {
        var laplacianTimesX: [Double] = []
        var targetDistances: [Double] = []
        var targetWeights: [Double] = []
        var radii: [Double] = []
        var impostors = ImpostorPairs()
        var lastPoint: [Double] = []
        var lastStatistics = Statistics()
    }

    /// The point and statistics of the last evaluation.
    var last: (point: [Double], statistics: Statistics) { (workspace.lastPoint, workspace.lastStatistics) }

    /// f at the components `point` (k' × d, row-major) on `rows`, with ∇f written into `gradient`.
    func valueAndGradient(at point: [Double], rows: Rows, gradient: inout [Double]) -> Double {
        let (x, m, k) = (rows.x, rows.anchorLabels.count, neighborCount)
        let (n, d) = (x.rowCount, x.columnCount)
        let z = x.timesTransposed(Matrix(rowCount: componentCount, columnCount: d, elements: point))
        let w = workspace
        w.laplacianTimesX.replaceAll(with: 0, count: n * d)
        w.targetWeights.replaceAll(with: rows.pullScale * (1 - pushWeight), count: m * k)
        w.targetDistances.replaceAll(with: 0, count: m * k)
        w.radii.replaceAll(with: 0, count: m)

        var value = rows.pullScale * pullTerm(z, rows: rows)
        var statistics = Statistics()
        ImpostorPairs.forEachBlock(in: z, labels: rows.anchorLabels, radii: w.radii, reusing: &w.impostors) { pairs in
            value += pushTerm(pairs, rows: rows, statistics: &statistics)
        }
        addTargetPairs(rows)

        // ∇f = 2·Zᵀ(CX), k' × d.
        let product = z.transposedTimes(Matrix(rowCount: n, columnCount: d, elements: w.laplacianTimesX))
        for index in 0..<gradient.count { gradient[index] = 2 * product.elements[index] }
        w.lastPoint.replaceAll(with: point)
        w.lastStatistics = statistics
        return value
    }

    /// (1 − μ)·Σ dᵢⱼ over the target pairs; records each dᵢⱼ and each radius rᵢ = 1 + maxⱼ dᵢⱼ.
    private func pullTerm(_ z: Matrix, rows: Rows) -> Double {
        let k = neighborCount
        var sum = 0.0
        z.elements.withUnsafeBufferPointer { points in
            workspace.targetDistances.withUnsafeMutableBufferPointer { targetDistances in
                for i in rows.anchorLabels.indices {
                    var largest = 0.0
                    for t in 0..<k {
                        let distance = points.squaredDistance(between: i, and: rows.targets[i * k + t],
                                                              width: componentCount)
                        targetDistances[i * k + t] = distance
                        largest = max(largest, distance)
                        sum += distance
                    }
                    workspace.radii[i] = 1 + largest
                }
            }
        }
        return (1 - pushWeight) * sum
    }

    /// μ·Σ s_{yᵢ}·ℓ(1 + dᵢⱼ − dᵢₗ) over the triplets of one block of impostor pairs. Each triplet's slope goes to its
    /// target pair's weight; the pair {a, b} itself enters CX once, with minus the sum of its slopes.
    private func pushTerm(_ pairs: ImpostorPairs, rows: Rows, statistics: inout Statistics) -> Double {
        let (d, k, mu) = (rows.x.columnCount, neighborCount, pushWeight)
        var sum = 0.0
        rows.x.elements.withUnsafeBufferPointer { x in
            workspace.laplacianTimesX.withUnsafeMutableBufferPointer { cx in
                workspace.targetWeights.withUnsafeMutableBufferPointer { targetWeights in
                    workspace.targetDistances.withUnsafeBufferPointer { targetDistances in
                        workspace.radii.withUnsafeBufferPointer { radii in
                            for p in 0..<pairs.count {
                                let (a, b) = (pairs.first[p], pairs.second[p])
                                let distance = pairs.squaredDistances[p]
                                var impostorWeight = 0.0
                                for side in 0..<2 {      // b as a's impostor, then a as b's
                                    let i = side == 0 ? a : b
                                    guard distance < radii[i] else { continue }
                                    statistics.impostorPairs += 1
                                    let scale = rows.pushScales?[rows.anchorLabels[i]] ?? 1
                                    for t in 0..<k {
                                        let margin = 1 + targetDistances[i * k + t] - distance
                                        guard margin > 0 else { continue }
                                        statistics.activeTriplets += 1
                                        let slope: Double
                                        switch loss {
                                        case .hinge:
                                            sum += scale * margin
                                            slope = mu * scale
                                        case .squaredHinge:
                                            sum += scale * (margin * margin)
                                            slope = 2 * mu * margin * scale
                                        }
                                        targetWeights[i * k + t] += slope
                                        impostorWeight -= slope
                                    }
                                }
                                cx.addPair(a, b, weight: impostorWeight, rows: x, width: d)
                            }
                        }
                    }
                }
            }
        }
        return mu * sum
    }

    /// Adds every target pair (i, j) with its accumulated weight to CX.
    private func addTargetPairs(_ rows: Rows) {
        let (d, k) = (rows.x.columnCount, neighborCount)
        rows.x.elements.withUnsafeBufferPointer { x in
            workspace.laplacianTimesX.withUnsafeMutableBufferPointer { cx in
                for i in rows.anchorLabels.indices {
                    for t in 0..<k {
                        cx.addPair(i, rows.targets[i * k + t], weight: workspace.targetWeights[i * k + t], rows: x,
                                   width: d)
                    }
                }
            }
        }
    }
}

extension UnsafeMutableBufferPointer<Double> {
    /// Adds the pair (a, b) with `weight` to CX: row a gains w·(xₐ − xᵦ), row b loses it.
    func addPair(_ a: Int, _ b: Int, weight: Double, rows x: UnsafeBufferPointer<Double>, width: Int) {
        guard weight != 0, let target = baseAddress, let source = x.baseAddress else { return }
        let (targetA, targetB) = (target + a * width, target + b * width)
        let (sourceA, sourceB) = (source + a * width, source + b * width)
        for c in 0..<width {
            let change = weight * (sourceA[c] - sourceB[c])
            targetA[c] += change
            targetB[c] -= change
        }
    }
}

extension Array<Double> {
    /// Makes this `count` copies of `value`, keeping the allocation when it is large enough.
    mutating func replaceAll(with value: Double, count: Int) {
        if self.count == count {
            for index in indices { self[index] = value }
        } else {
            self = [Double](repeating: value, count: count)
        }
    }

    /// Makes this a copy of `other`, keeping the allocation when the sizes match.
    fileprivate mutating func replaceAll(with other: [Double]) {
        if count == other.count {
            for index in indices { self[index] = other[index] }
        } else {
            self = other
        }
    }
}
