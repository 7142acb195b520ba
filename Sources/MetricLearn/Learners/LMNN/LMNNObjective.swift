/// The LMNN objective over the flattened components L (k × d, row-major), for fixed target neighbours:
///
///   f(L) = (1 − μ)·Σᵢ Σ_{j∈T(i)} dᵢⱼ + μ·Σᵢ Σ_{j∈T(i)} Σ_{l: y_l ≠ yᵢ} ℓ(1 + dᵢⱼ − dᵢₗ),   dₐᵦ = ‖L(xₐ − xᵦ)‖²,
///
/// with ℓ(h) = [h]₊ (`.hinge`) or [h]₊² (`.squaredHinge`). A triplet is active when 1 + dᵢⱼ − dᵢₗ > 0.
///
/// Gradient: ∇f = 2L·Σ wₐᵦ(xₐ − xᵦ)(xₐ − xᵦ)ᵀ = 2L·XᵀCX = 2·Zᵀ(CX) with Z = XLᵀ, where C is the sparse
/// weighted graph Laplacian of the pairs: a target pair (i, j) weighs (1 − μ) + μ·Σₗ ℓ′, an impostor pair
/// (i, l) weighs −μ·Σⱼ ℓ′. CX is accumulated pair by pair (rows a and b change by ±w(xₐ − xᵦ), O(d) a pair),
/// so the cost after the impostor search is O((n·k + pairs)·d + n·d·k') with one `dgemm`; no n×n or pairs×d
/// matrix is formed. Forming Σ w·vvᵀ from a pairs×d difference matrix would cost O(pairs·d²) instead.
///
/// Per evaluation: Z (one `dgemm`, O(n·d·k')), the impostor search (O(n²·k') in row blocks), the weights and CX.
/// Memory O(n·d + block·n). Scratch buffers live in a private workspace reused across calls; no state
/// carries from one evaluation to the next.
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
        var impostors = ImpostorBlock()
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
        let mu = pushWeight
        let components = Matrix(rowCount: componentCount, columnCount: d, elements: point)
        let z = x.timesTransposed(components)
        let w = workspace
        w.laplacianTimesX.replaceAll(with: 0, count: n * d)
        w.targetWeights.replaceAll(with: 1 - mu, count: n * k)
        w.targetDistances.replaceAll(with: 0, count: n * k)
        w.radii.replaceAll(with: 0, count: n)

        var value = 0.0
        z.elements.withUnsafeBufferPointer { points in
            for i in 0..<n {
                var largest = 0.0
                for t in 0..<k {
                    let distance = points.squaredDistance(between: i, and: targets[i * k + t], width: componentCount)
                    w.targetDistances[i * k + t] = distance
                    largest = max(largest, distance)
                    value += (1 - mu) * distance
                }
                w.radii[i] = 1 + largest
            }
        }

        var statistics = Statistics()
        x.elements.withUnsafeBufferPointer { x in
            w.laplacianTimesX.withUnsafeMutableBufferPointer { cx in
                w.targetDistances.withUnsafeBufferPointer { targetDistances in
                    w.targetWeights.withUnsafeMutableBufferPointer { targetWeights in
                        ImpostorBlock.forEachBlock(in: z, labels: labels, radii: w.radii, reusing: &w.impostors) { block in
                            statistics.impostorPairs += block.indices.count
                            for i in block.rows {
                                let r = i - block.rows.lowerBound
                                for position in block.offsets[r]..<block.offsets[r + 1] {
                                    let impostorDistance = block.squaredDistances[position]
                                    var impostorWeight = 0.0
                                    for t in 0..<k {
                                        let margin = 1 + targetDistances[i * k + t] - impostorDistance
                                        guard margin > 0 else { continue }
                                        statistics.activeTriplets += 1
                                        let slope: Double
                                        switch loss {
                                        case .hinge:
                                            value += mu * margin
                                            slope = mu
                                        case .squaredHinge:
                                            value += mu * margin * margin
                                            slope = 2 * mu * margin
                                        }
                                        targetWeights[i * k + t] += slope
                                        impostorWeight -= slope
                                    }
                                    cx.addPair(i, block.indices[position], weight: impostorWeight, rows: x, width: d)
                                }
                            }
                        }
                        for i in 0..<n {
                            for t in 0..<k {
                                cx.addPair(i, targets[i * k + t], weight: targetWeights[i * k + t], rows: x, width: d)
                            }
                        }
                    }
                }
            }
        }

        // ∇f = 2·Zᵀ(CX), k' × d.
        let product = z.transposedTimes(Matrix(rowCount: n, columnCount: d, elements: w.laplacianTimesX))
        for index in 0..<gradient.count { gradient[index] = 2 * product.elements[index] }
        w.lastPoint.replaceAll(with: point)
        w.lastStatistics = statistics
        return value
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
    fileprivate func addPair(_ a: Int, _ b: Int, weight: Double, rows x: UnsafeBufferPointer<Double>, width: Int) {
        guard weight != 0 else { return }
        let (rowA, rowB) = (a * width, b * width)
        for c in 0..<width {
            let change = weight * (x[rowA + c] - x[rowB + c])
            self[rowA + c] += change
            self[rowB + c] -= change
        }
    }
}

extension Array<Double> {
    /// Makes this `count` copies of `value`, keeping the allocation when it is large enough.
    fileprivate mutating func replaceAll(with value: Double, count: Int) {
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
