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
/// The impostor search is `ImpostorPairs` (O(Σ_{c<c'} m_c·m_c'·k') in row blocks, in parallel). Each round of blocks
/// it returns is then weighed in parallel twice: by blocks (the loss and each pair's weight), then by anchor rows
/// (the target weights and CX rows an anchor owns, each summed in pair order), so every sum is added in the order a
/// single thread would add it and the result is the same bits on any number of cores. Scratch buffers live in a
/// private workspace reused across calls; no state carries from one evaluation to the next except the last
/// statistics.
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
        var impostors = ImpostorPairs.Workspace()
        /// The impostor weight of each pair of a round, block after block.
        var pairWeights: [Double] = []
        /// Each block's push term and statistics, in a round.
        var blockValues: [Double] = []
        var blockStatistics: [Statistics] = []
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
        ImpostorPairs.forEachRound(in: z, labels: rows.anchorLabels, radii: w.radii, reusing: w.impostors) { blocks in
            addPushTerm(blocks, rows: rows, to: &value, statistics: &statistics)
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

    /// Adds μ·Σ s_{yᵢ}·ℓ(1 + dᵢⱼ − dᵢₗ) over the triplets of one round of blocks of impostor pairs to `value`, block
    /// by block. Each triplet's slope goes to its target pair's weight; the pair {a, b} itself enters CX once, with
    /// minus the sum of its slopes.
    private func addPushTerm(_ blocks: ArraySlice<ImpostorPairs>, rows: Rows, to value: inout Double,
                             statistics: inout Statistics) {
        let w = workspace
        var offsets = [0]
        offsets.reserveCapacity(blocks.count + 1)
        for block in blocks { offsets.append(offsets[offsets.count - 1] + block.count) }
        let pairCount = offsets[blocks.count]
        if w.pairWeights.count < pairCount { w.pairWeights = [Double](repeating: 0, count: pairCount) }
        if w.blockValues.count < blocks.count {
            w.blockValues = [Double](repeating: 0, count: blocks.count)
            w.blockStatistics = [Statistics](repeating: Statistics(), count: blocks.count)
        }
        let (d, k, m) = (rows.x.columnCount, neighborCount, rows.anchorLabels.count)
        let rowChunks = min(m, 4 * Parallel.workerCount)
        rows.x.elements.withUnsafeBufferPointer { x in
            w.laplacianTimesX.withUnsafeMutableBufferPointer { cx in
                w.targetWeights.withUnsafeMutableBufferPointer { targetWeights in
                    w.targetDistances.withUnsafeBufferPointer { targetDistances in
                        w.radii.withUnsafeBufferPointer { radii in
                            w.pairWeights.withUnsafeMutableBufferPointer { pairWeights in
                                w.blockValues.withUnsafeMutableBufferPointer { blockValues in
                                    w.blockStatistics.withUnsafeMutableBufferPointer { blockStatistics in
                                        let push = PushRound(
                                            blocks: blocks, offsets: offsets, triplets: self, rows: rows, x: x, cx: cx,
                                            targetWeights: targetWeights, targetDistances: targetDistances, radii: radii,
                                            pairWeights: pairWeights, blockValues: blockValues,
                                            blockStatistics: blockStatistics)
                                        Parallel.forEach(jobs: blocks.count, work: pairCount * 2 * k) { block, _ in
                                            push.weigh(block: block)
                                        }
                                        Parallel.forEach(jobs: rowChunks, work: pairCount * (d + k)) { chunk, _ in
                                            push.accumulate(rows: Parallel.chunk(chunk, of: m, count: rowChunks))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for block in 0..<blocks.count {
            value += w.blockValues[block]
            statistics.activeTriplets += w.blockStatistics[block].activeTriplets
            statistics.impostorPairs += w.blockStatistics[block].impostorPairs
        }
    }

    /// ℓ(margin) scaled by `scale`, and μ times its slope: the term and slope of one active triplet.
    @inline(__always)
    fileprivate func term(margin: Double, scale: Double) -> (value: Double, slope: Double) {
        switch loss {
        case .hinge: (scale * margin, pushWeight * scale)
        case .squaredHinge: (scale * (margin * margin), 2 * pushWeight * margin * scale)
        }
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

/// One round of `LMNNLoss.addPushTerm`, shared by its parallel jobs: `weigh(block:)` writes only its block's
/// value, statistics and pair weights; `accumulate(rows:)` only the target weights and CX rows of its anchors.
private struct PushRound: @unchecked Sendable {
    let blocks: ArraySlice<ImpostorPairs>
    /// Block b's pairs have weights `pairWeights[offsets[b] ..< offsets[b + 1]]`.
    let offsets: [Int]
    let triplets: LMNNLoss
    let rows: LMNNLoss.Rows
    let x: UnsafeBufferPointer<Double>
    let cx: UnsafeMutableBufferPointer<Double>
    let targetWeights: UnsafeMutableBufferPointer<Double>
    let targetDistances: UnsafeBufferPointer<Double>
    let radii: UnsafeBufferPointer<Double>
    let pairWeights: UnsafeMutableBufferPointer<Double>
    let blockValues: UnsafeMutableBufferPointer<Double>
    let blockStatistics: UnsafeMutableBufferPointer<LMNNLoss.Statistics>

    /// The push term of block `block` (μ·Σ s·ℓ, summed in pair order) and each of its pairs' weight, minus the
    /// slopes of the pair's active triplets in both directions (b as a's impostor, then a as b's).
    func weigh(block: Int) {
        let pairs = blocks[blocks.startIndex + block]
        var sum = 0.0
        var statistics = LMNNLoss.Statistics()
        for p in 0..<pairs.count {
            let distance = pairs.squaredDistances[p]
            var impostorWeight = 0.0
            for side in 0..<2 {      // b as a's impostor, then a as b's
                let i = side == 0 ? pairs.first[p] : pairs.second[p]
                guard distance < radii[i] else { continue }
                statistics.impostorPairs += 1
                forEachActiveTriplet(of: i, impostorAt: distance) { _, margin, scale in
                    statistics.activeTriplets += 1
                    let (value, slope) = triplets.term(margin: margin, scale: scale)
                    sum += value
                    impostorWeight -= slope
                }
            }
            pairWeights[offsets[block] + p] = impostorWeight
        }
        blockValues[block] = triplets.pushWeight * sum
        blockStatistics[block] = statistics
    }

    /// Calls `body(t, margin, scale)` for each target neighbour slot t = i·k + j of anchor `i` whose triplet with an
    /// impostor at squared distance `distance` is active (margin 1 + dᵢⱼ − distance > 0), in target order, with the
    /// anchor's push scale. Both passes walk the triplets this one way, so they see the same ones.
    @inline(__always)
    private func forEachActiveTriplet(of i: Int, impostorAt distance: Double,
                                      _ body: (_ target: Int, _ margin: Double, _ scale: Double) -> Void) {
        let k = triplets.neighborCount
        let scale = rows.pushScales?[rows.anchorLabels[i]] ?? 1
        for t in (i * k)..<((i + 1) * k) {
            let margin = 1 + targetDistances[t] - distance
            if margin > 0 { body(t, margin, scale) }
        }
    }

    /// For every pair of the round, in order, with an anchor in `owned`: that anchor's triplets' slopes added to
    /// its target weights, and the pair's weight times (xₐ − xᵦ) added to its CX row (row a gains it, row b loses
    /// it). Each element thus receives its terms in pair order, as one thread would add them.
    func accumulate(rows owned: Range<Int>) {
        let d = rows.x.columnCount
        guard let target = cx.baseAddress, let source = x.baseAddress else { return }
        for block in 0..<blocks.count {
            let pairs = blocks[blocks.startIndex + block]
            for p in 0..<pairs.count {
                let (a, b) = (pairs.first[p], pairs.second[p])
                let (ownsA, ownsB) = (owned.contains(a), owned.contains(b))
                guard ownsA || ownsB else { continue }
                let distance = pairs.squaredDistances[p]
                for side in 0..<2 {
                    let (i, owns) = side == 0 ? (a, ownsA) : (b, ownsB)
                    guard owns && distance < radii[i] else { continue }
                    forEachActiveTriplet(of: i, impostorAt: distance) { target, margin, scale in
                        targetWeights[target] += triplets.term(margin: margin, scale: scale).slope
                    }
                }
                let weight = pairWeights[offsets[block] + p]
                guard weight != 0 else { continue }
                let (sourceA, sourceB) = (source + a * d, source + b * d)
                if ownsA {
                    let targetA = target + a * d
                    for c in 0..<d { targetA[c] += weight * (sourceA[c] - sourceB[c]) }
                }
                if ownsB {
                    let targetB = target + b * d
                    for c in 0..<d { targetB[c] -= weight * (sourceA[c] - sourceB[c]) }
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
