/// MLKR's loss as a function of the components L (k×d, flattened row-major), for L-BFGS: the leave-one-out
/// squared error of kernel regression in the space x ↦ L·x, relative to the targets' total sum of squares,
///
///     f(L) = Σᵢ (ŷᵢ − tᵢ)² / Σᵢ (tᵢ − t̄)²,   ŷᵢ = Σⱼ pᵢⱼ·tⱼ,
///
/// that is 1 − the leave-one-out R² of the kernel estimate. ŷ is affine in the targets (each row of p sums to 1),
/// so f is the plain squared error of the standardised targets (tᵢ − t̄)/√Σ(t − t̄)², which the weighting gets.
///
/// One evaluation projects Z = X·Lᵀ (O(n·d·k)), runs the tiled softmax of `StochasticNeighbors` with
/// `KernelRegressionWeighting` (O(n²·k)) and forms the gradient 2·Tᵀ·X (O(n·d·k)): O(n²·k + n·d·k) time and
/// O(b² + n·k) memory beyond X, allocated once and reused, never an n×n matrix (metric-learn's `MLKR._loss`
/// materialises several).
struct MLKRObjective: DifferentiableObjective {
    /// The samples (n×d).
    let x: Matrix
    /// The softmax over the standardised targets, with its workspace.
    let neighbors: StochasticNeighbors<KernelRegressionWeighting>
    /// Σ(tᵢ − t̄)²: f times this is the squared error in the targets' units.
    let totalSumOfSquares: Double

    /// The objective of `x` and its `targets`, which must not all be equal.
    init(x: Matrix, targets: [Double], componentCount: Int, tileSize: Int? = nil) {
        let (standardized, total) = Self.standardize(targets)
        self.x = x
        totalSumOfSquares = total
        neighbors = StochasticNeighbors(weighting: KernelRegressionWeighting(targets: standardized),
                                        sampleCount: targets.count, componentCount: componentCount, tileSize: tileSize)
    }

    /// The targets (tᵢ − t̄)/√Σ(t − t̄)², whose squared error is f, and Σ(t − t̄)².
    static func standardize(_ targets: [Double]) -> (targets: [Double], totalSumOfSquares: Double) {
        let mean = targets.reduce(0, +) / Double(targets.count)
        let total = RegressionMetrics.totalSumOfSquares(targets)
        let scale = total.squareRoot()
        return (targets.map { ($0 - mean) / scale }, total)
    }

    var dimension: Int { neighbors.componentCount * x.columnCount }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        neighbors.valueAndGradient(ofComponents: point, samples: x, sign: 1, gradient: &gradient)
    }
}
