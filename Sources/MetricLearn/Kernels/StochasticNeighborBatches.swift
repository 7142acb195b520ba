/// The stochastic-neighbour engine on batches of samples: the objective of a batch B is the full objective of the
/// sub-table of B's rows (each row's softmax runs over the other rows of the batch), evaluated by one
/// `StochasticNeighbors` per batch size, so a batch costs O(|B|²·k + |B|·d·k) time and O(|B|·(d + k)) memory
/// whatever n. What the learners' mini-batch objectives (NCA, MLKR) share.
final class StochasticNeighborBatches<Weighting: StochasticNeighborWeighting> {
    /// The samples (n×d), in the caller's order.
    let x: Matrix
    /// The embedding's width k.
    let componentCount: Int
    /// One engine per batch size met so far (`Adam` uses at most three: two batch sizes and the held-back one).
    private var engines: [Int: StochasticNeighbors<Weighting>] = [:]

    /// Batches of the rows of `x` embedded in `componentCount` dimensions.
    init(x: Matrix, componentCount: Int) {
        self.x = x
        self.componentCount = componentCount
    }

    /// scale·f_B(L) for the rows `rows` of `x` (in that order, which `weighting` describes) embedded by the
    /// components L (k×d, `point` flattened), with its gradient in `gradient`: `valueAndGradient(ofComponents:)` on
    /// the gathered rows.
    func valueAndGradient(ofComponents point: [Double], rows: [Int], weighting: Weighting, scale: Double,
                          gradient: inout [Double]) -> Double {
        let engine: StochasticNeighbors<Weighting>
        if let cached = engines[rows.count] {
            engine = cached
            engine.weighting = weighting
        } else {
            engine = StochasticNeighbors(weighting: weighting, sampleCount: rows.count, componentCount: componentCount)
            engines[rows.count] = engine
        }
        return engine.valueAndGradient(ofComponents: point, samples: x.rows(at: rows), sign: scale, gradient: &gradient)
    }
}
