/// The LMNN objective over the flattened components L (k × d, row-major), for fixed target neighbours:
///
///   f(L) = (1 − μ)·Σᵢ Σ_{j∈T(i)} dᵢⱼ + μ·Σᵢ Σ_{j∈T(i)} Σ_{l: y_l ≠ yᵢ} ℓ(1 + dᵢⱼ − dᵢₗ),   dₐᵦ = ‖L(xₐ − xᵦ)‖²,
///
/// with ℓ(h) = [h]₊ (`.hinge`) or [h]₊² (`.squaredHinge`). A triplet is active when 1 + dᵢⱼ − dᵢₗ > 0.
///
/// Gradient: ∇f = 2L·Σ wₐᵦ(xₐ − xᵦ)(xₐ − xᵦ)ᵀ = 2L·XᵀCX = 2·Zᵀ(CX) with Z = XLᵀ, where C is the sparse
/// weighted graph Laplacian of the pairs: a target pair (i, j) weighs (1 − μ) + μ·Σₗ ℓ′, an impostor pair
/// {a, b} weighs −μ·Σ ℓ′ over its active triplets in both directions. CX is accumulated pair by pair (rows a
/// and b change by ±w(xₐ − xᵦ), O(d) a pair), so the cost after the impostor search is
/// O((n·k + pairs)·d + n·d·k') with one `dgemm`; no n×n or pairs×d matrix is formed. Forming Σ w·vvᵀ from a
/// pairs×d difference matrix would cost O(pairs·d²) instead.
///
/// Per evaluation: Z (one `dgemm`, O(n·d·k')), the impostor search (O(Σ_{c<c'} n_c·n_c'·k') in row blocks),
/// the weights and CX. Memory O(n·d + block·n). Scratch buffers live in a private workspace reused across
/// calls; no state carries from one evaluation to the next.
struct LMNNObjective: DifferentiableObjective {
    let x: Matrix
    let labels: [Int]
    /// Target neighbours, row-major n × `neighborCount`.
    let targets: [Int]
    let neighborCount: Int
    let componentCount: Int
    let pushWeight: Double
    let loss: LMNN.Loss
    private let workspace = Workspace()

    /// What one evaluation found, for the fit report.
    struct Statistics: Equatable {
        var activeTriplets = 0
        var impostorPairs = 0
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

    init(x: Matrix, labels: [Int], targets: [Int], neighborCount: Int, componentCount: Int,
         pushWeight: Double, loss: LMNN.Loss) {
        self.x = x
        self.labels = labels
        self.targets = targets
        self.neighborCount = neighborCount
        self.componentCount = componentCount
        self.pushWeight = pushWeight
        self.loss = loss
    }

    var dimension: Int { componentCount * x.columnCount }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        let (n, d, k) = (x.rowCount, x.columnCount, neighborCount)
        let z = x.timesTransposed(Matrix(rowCount: componentCount, columnCount: d, elements: point))
        let w = workspace
        w.laplacianTimesX.replaceAll(with: 0, count: n * d)
        w.targetWeights.replaceAll(with: 1 - pushWeight, count: n * k)
        w.targetDistances.replaceAll(with: 0, count: n * k)
        w.radii.replaceAll(with: 0, count: n)

        var value = pullTerm(z)
        var statistics = Statistics()
        ImpostorPairs.forEachBlock(in: z, labels: labels, radii: w.radii, reusing: &w.impostors) { pairs in
            value += pushTerm(pairs, statistics: &statistics)
        }
        addTargetPairs()

        // ∇f = 2·Zᵀ(CX), k' × d.
        let product = z.transposedTimes(Matrix(rowCount: n, columnCount: d, elements: w.laplacianTimesX))
        for index in 0..<gradient.count { gradient[index] = 2 * product.elements[index] }
        w.lastPoint.replaceAll(with: point)
        w.lastStatistics = statistics
        return value
    }

    /// (1 − μ)·Σ dᵢⱼ over the target pairs; records each dᵢⱼ and each radius rᵢ = 1 + maxⱼ dᵢⱼ.
    private func pullTerm(_ z: Matrix) -> Double {
        let k = neighborCount
        var sum = 0.0
        z.elements.withUnsafeBufferPointer { points in
            workspace.targetDistances.withUnsafeMutableBufferPointer { targetDistances in
                for i in 0..<x.rowCount {
                    var largest = 0.0
                    for t in 0..<k {
                        let distance = points.squaredDistance(between: i, and: targets[i * k + t], width: componentCount)
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

    /// μ·Σ ℓ(1 + dᵢⱼ − dᵢₗ) over the triplets of one block of impostor pairs. Each triplet's slope ℓ′ goes to
    /// its target pair's weight; the pair {a, b} itself enters CX once, with minus the sum of its slopes.
    private func pushTerm(_ pairs: ImpostorPairs, statistics: inout Statistics) -> Double {
        let (d, k, mu) = (x.columnCount, neighborCount, pushWeight)
        var sum = 0.0
        x.elements.withUnsafeBufferPointer { x in
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
                                    for t in 0..<k {
                                        let margin = 1 + targetDistances[i * k + t] - distance
                                        guard margin > 0 else { continue }
                                        statistics.activeTriplets += 1
                                        let slope: Double
                                        switch loss {
                                        case .hinge:
                                            sum += margin
                                            slope = mu
                                        case .squaredHinge:
                                            sum += margin * margin
                                            slope = 2 * mu * margin
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
    private func addTargetPairs() {
        let (d, k) = (x.columnCount, neighborCount)
        x.elements.withUnsafeBufferPointer { x in
            workspace.laplacianTimesX.withUnsafeMutableBufferPointer { cx in
                for i in 0..<self.x.rowCount {
                    for t in 0..<k {
                        cx.addPair(i, targets[i * k + t], weight: workspace.targetWeights[i * k + t], rows: x, width: d)
                    }
                }
            }
        }
    }

    /// The statistics of an evaluation at `point`, reusing the last one when it was at `point`.
    func statistics(at point: [Double]) -> Statistics {
        if workspace.lastPoint != point {
            var scratch = [Double](repeating: 0, count: dimension)
            _ = valueAndGradient(at: point, gradient: &scratch)
        }
        return workspace.lastStatistics
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
