/// The LMNN objective over the flattened components L (k × d, row-major), for fixed target neighbours, with every
/// sample an anchor (`LMNNLoss` with unit scales):
///
///   f(L) = (1 − μ)·Σᵢ Σ_{j∈T(i)} dᵢⱼ + μ·Σᵢ Σ_{j∈T(i)} Σ_{l: y_l ≠ yᵢ} ℓ(1 + dᵢⱼ − dᵢₗ),   dₐᵦ = ‖L(xₐ − xᵦ)‖².
///
/// Per evaluation: Z (one `dgemm`, O(n·d·k')), the impostor search (O(Σ_{c<c'} n_c·n_c'·k') in row blocks), the
/// weights and CX, and ∇f (one `dgemm`). Memory O(n·d + block·n).
struct LMNNObjective: DifferentiableObjective {
    let x: Matrix
    let labels: [Int]
    /// Target neighbours, row-major n × `neighborCount`.
    let targets: [Int]
    let loss: LMNNLoss

    init(x: Matrix, labels: [Int], targets: [Int], neighborCount: Int, componentCount: Int,
         pushWeight: Double, loss: LMNN.Loss) {
        self.x = x
        self.labels = labels
        self.targets = targets
        self.loss = LMNNLoss(neighborCount: neighborCount, componentCount: componentCount, pushWeight: pushWeight,
                             loss: loss)
    }

    var dimension: Int { loss.componentCount * x.columnCount }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        loss.valueAndGradient(at: point, rows: LMNNLoss.Rows(x: x, anchorLabels: labels, targets: targets),
                              gradient: &gradient)
    }

    /// The statistics of an evaluation at `point`, reusing the last one when it was at `point`.
    func statistics(at point: [Double]) -> LMNNLoss.Statistics {
        if loss.last.point != point {
            var scratch = [Double](repeating: 0, count: dimension)
            _ = valueAndGradient(at: point, gradient: &scratch)
        }
        return loss.last.statistics
    }
}
