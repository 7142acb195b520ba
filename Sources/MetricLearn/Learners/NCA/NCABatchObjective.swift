/// NCA's loss on mini-batches, for `Adam`: the batch B's estimate of −Σᵢ pᵢ is −(n/|B|)·Σ_{i∈B} pᵢᴮ, where pᵢᴮ is
/// sample i's probability of a same-class stochastic neighbour among the other samples of B.
///
/// This is the scalable form of stochastic NCA: the softmax of each batch row over all n samples would cost
/// O(|B|·n·k) per batch, O(n²·k) per epoch. Over the batch alone it is NCA's loss on the sub-table of B's rows
/// (evaluated by `StochasticNeighborBatches`, O(|B|²·k + |B|·d·k) time, O(|B|·(d + k)) memory), and its gradient
/// that loss's gradient. The neighbours of a sample are then a random 1/(n/|B|) of the others: with stratified
/// batches every class keeps its share, so pᵢᴮ is pᵢ with the samples thinned evenly, and the estimate equals the
/// full loss when B is every sample.
struct NCABatchObjective: MiniBatchObjective {
    /// The class of each sample (the batches' strata).
    let labels: [Int]
    /// The engine on batches of the samples, in their given order.
    let batches: StochasticNeighborBatches<SameClassWeighting>

    init(x: Matrix, labels: [Int], componentCount: Int) {
        self.labels = labels
        batches = StochasticNeighborBatches(x: x, componentCount: componentCount)
    }

    var dimension: Int { batches.componentCount * batches.x.columnCount }

    var sampleCount: Int { labels.count }

    var strata: [Int]? { labels }

    func valueAndGradient(at point: [Double], batch: [Int], gradient: inout [Double]) -> Double {
        let order = batch.sorted { (labels[$0], $0) < (labels[$1], $1) }
        return batches.valueAndGradient(ofComponents: point, rows: order,
                                        weighting: SameClassWeighting(sortedLabels: order.map { labels[$0] }),
                                        scale: -Double(sampleCount) / Double(batch.count), gradient: &gradient)
    }
}
