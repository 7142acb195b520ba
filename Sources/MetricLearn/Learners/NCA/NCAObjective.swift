/// NCA's loss −Σᵢ pᵢ as a function of the components L (k×d, flattened row-major), for L-BFGS.
///
/// One evaluation projects Z = X·Lᵀ (O(n·d·k)), runs the tiled softmax of `StochasticNeighbors` with
/// `SameClassWeighting` (O(n²·k)) and forms the gradient −2·Tᵀ·X (O(n·d·k)): O(n²·k + n·d·k) time and
/// O(b² + n·k) memory (b×b tiles) beyond X, allocated once and reused, never an n×n matrix. This is
/// scikit-learn's `_loss_grad_lbfgs` with `sign = −1`, whose gradient costs O(n²·k + n·k·d) as well
/// but materialises several n×n arrays.
struct NCAObjective: DifferentiableObjective {
    /// The samples (n×d), sorted by label (the loss does not depend on their order).
    let x: Matrix
    /// The softmax over the labels of `x`, with its workspace.
    let neighbors: StochasticNeighbors<SameClassWeighting>

    init(x: Matrix, labels: [Int], componentCount: Int, tileSize: Int? = nil) {
        let order = SameClassWeighting.classOrder(of: labels)
        self.x = x.rows(at: order)
        neighbors = StochasticNeighbors(weighting: SameClassWeighting(sortedLabels: order.map { labels[$0] }),
                                        sampleCount: labels.count, componentCount: componentCount, tileSize: tileSize)
    }

    var dimension: Int { neighbors.componentCount * x.columnCount }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        neighbors.valueAndGradient(ofComponents: point, samples: x, sign: -1, gradient: &gradient)
    }
}
