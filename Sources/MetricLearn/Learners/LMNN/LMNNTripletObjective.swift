/// LMNN's objective over the flattened components L (k × d, row-major) when the supervision is a list of triplets
/// (a, p, n), "a is closer to p than to n", instead of class labels:
///
///   f(L) = (1 − μ)·Σ_{(a,p) ∈ P} d_ap + μ·Σ_t ℓ(1 + d_ap − d_an),   d_ab = ‖L(x_a − x_b)‖²,
///
/// where P holds each distinct (anchor, positive) pair once: the positives are the target neighbours, the
/// negatives the impostors, and ℓ is the same hinge or squared hinge. With every (i, j, l) of a labelled fit's
/// target neighbours j and differently labelled l as triplets, f is `LMNNObjective`'s, term for term.
///
/// Gradient: ∇f = 2·Zᵀ(CX) with Z = XLᵀ, where C is the weighted Laplacian of the pairs: a target pair weighs
/// (1 − μ) + Σ ℓ′ of its active triplets, each active triplet's (a, n) pair −ℓ′. Per evaluation: Z and ∇f (two
/// `dgemm`s, O(n·d·k')), then O((|P| + T)·(k' + d)) for the distances and CX.
struct LMNNTripletObjective: DifferentiableObjective {
    let x: Matrix
    /// The distinct (anchor, positive) pairs.
    let targetPairs: [PairConstraints.Pair]
    /// For each triplet, the index of its (anchor, positive) pair in `targetPairs`, and its negative.
    let triplets: [(target: Int, negative: Int)]
    let componentCount: Int
    let pushWeight: Double
    let loss: LMNN.Loss
    private let workspace = Workspace()

    private final class Workspace {
        var laplacianTimesX: [Double] = []
        var targetDistances: [Double] = []
        var targetWeights: [Double] = []
        var activeTriplets = 0
        var lastPoint: [Double] = []
    }

    init(x: Matrix, constraints: TripletConstraints, componentCount: Int, pushWeight: Double, loss: LMNN.Loss) {
        var index: [PairConstraints.Pair: Int] = [:]
        var targetPairs: [PairConstraints.Pair] = []
        triplets = constraints.triplets.map { triplet in
            let pair = PairConstraints.Pair(triplet.anchor, triplet.positive)
            if index[pair] == nil {
                index[pair] = targetPairs.count
                targetPairs.append(pair)
            }
            return (index[pair] ?? 0, triplet.negative)
        }
        self.x = x
        self.targetPairs = targetPairs
        self.componentCount = componentCount
        self.pushWeight = pushWeight
        self.loss = loss
    }

    var dimension: Int { componentCount * x.columnCount }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        let (n, d, mu) = (x.rowCount, x.columnCount, pushWeight)
        let z = x.timesTransposed(Matrix(rowCount: componentCount, columnCount: d, elements: point))
        let w = workspace
        w.laplacianTimesX.replaceAll(with: 0, count: n * d)
        w.targetWeights.replaceAll(with: 1 - mu, count: targetPairs.count)
        w.targetDistances.replaceAll(with: 0, count: targetPairs.count)
        var pull = 0.0, push = 0.0, active = 0
        z.elements.withUnsafeBufferPointer { points in
            x.elements.withUnsafeBufferPointer { rows in
                w.laplacianTimesX.withUnsafeMutableBufferPointer { cx in
                    for (t, pair) in targetPairs.enumerated() {
                        let distance = points.squaredDistance(between: pair.first, and: pair.second, width: componentCount)
                        w.targetDistances[t] = distance
                        pull += distance
                    }
                    for (target, negative) in triplets {
                        let anchor = targetPairs[target].first
                        let margin = 1 + w.targetDistances[target]
                            - points.squaredDistance(between: anchor, and: negative, width: componentCount)
                        guard margin > 0 else { continue }
                        active += 1
                        let slope: Double
                        switch loss {
                        case .hinge:
                            push += margin
                            slope = mu
                        case .squaredHinge:
                            push += margin * margin
                            slope = 2 * mu * margin
                        }
                        w.targetWeights[target] += slope
                        cx.addPair(anchor, negative, weight: -slope, rows: rows, width: d)
                    }
                    for (t, pair) in targetPairs.enumerated() {
                        cx.addPair(pair.first, pair.second, weight: w.targetWeights[t], rows: rows, width: d)
                    }
                }
            }
        }
        // ∇f = 2·Zᵀ(CX), k' × d.
        let product = z.transposedTimes(Matrix(rowCount: n, columnCount: d, elements: w.laplacianTimesX))
        for index in 0..<gradient.count { gradient[index] = 2 * product.elements[index] }
        w.activeTriplets = active
        w.lastPoint = point
        return (1 - mu) * pull + mu * push
    }

    /// The number of active triplets (1 + d_ap − d_an > 0) at `point`.
    func activeTriplets(at point: [Double]) -> Int {
        if workspace.lastPoint != point {
            var scratch = [Double](repeating: 0, count: dimension)
            _ = valueAndGradient(at: point, gradient: &scratch)
        }
        return workspace.activeTriplets
    }
}
