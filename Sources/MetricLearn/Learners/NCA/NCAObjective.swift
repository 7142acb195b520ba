/// NCA's loss −Σᵢ pᵢ as a function of the components L (k×d, flattened row-major), for L-BFGS.
///
/// One evaluation projects Z = X·Lᵀ (O(n·d·k)), runs the blocked softmax of `StochasticNeighbors`
/// (O(n²·k)) and forms the gradient −2·Tᵀ·X (O(n·d·k)): O(n²·k + n·d·k) time and
/// O(block·n + n·(d + k)) memory, never an n×n matrix. This is scikit-learn's `_loss_grad_lbfgs`
/// with `sign = −1`, whose gradient costs O(n²·k + n·k·d) as well but materialises several n×n arrays.
struct NCAObjective: DifferentiableObjective {
    /// The samples (n×d).
    let x: Matrix
    /// The output dimension k.
    let componentCount: Int
    /// The softmax over the labels of `x`.
    let neighbors: StochasticNeighbors

    init(x: Matrix, labels: [Int], componentCount: Int, blockRowCount: Int? = nil) {
        self.x = x
        self.componentCount = componentCount
        self.neighbors = StochasticNeighbors(labels: labels, blockRowCount: blockRowCount)
    }

    var dimension: Int { componentCount * x.columnCount }

    func valueAndGradient(at point: [Double], gradient: inout [Double]) -> Double {
        let components = Matrix(rowCount: componentCount, columnCount: x.columnCount, elements: point)
        let embedding = x.timesTransposed(components)
        var tangent = [Double](repeating: 0, count: x.rowCount * componentCount)
        let expectedHits = neighbors.evaluate(embedding: embedding, tangent: &tangent)
        // ∂(−Σpᵢ)/∂L = −2·Tᵀ·X, written straight into the optimiser's buffer.
        tangent.withUnsafeBufferPointer { t in
            x.elements.withUnsafeBufferPointer { xBuffer in
                gradient.withUnsafeMutableBufferPointer { g in
                    BufferProducts.multiply(t, transposingA: true, xBuffer, into: g,
                                            m: componentCount, n: x.columnCount, k: x.rowCount, alpha: -2)
                }
            }
        }
        return -expectedHits
    }
}
