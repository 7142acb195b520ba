/// The regularised diagonal NCA loss on mini-batches, for `Adam`: the batch B's estimate of
/// −(1/n)·Σᵢ pᵢ + λ·‖w‖² is −(1/|B|)·Σ_{i∈B} pᵢᴮ + λ·‖w‖², where pᵢᴮ is sample i's probability of a same-class
/// stochastic neighbour among the other samples of B under the weighted L1 distance.
///
/// That is `DiagonalNCAObjective` on the sub-table of B's rows (same λ), so its gradient is that objective's:
/// O(|B|²·d) time and O(|B|·d) memory per batch. With stratified batches each class keeps its share of every
/// batch (see `NCABatchObjective`), and the estimate equals the full loss when B is every sample.
struct DiagonalNCABatchObjective: MiniBatchObjective {
    /// The samples (n×d).
    let x: Matrix
    /// The class of each sample (the batches' strata).
    let labels: [Int]
    /// λ, the weight of ‖w‖².
    let regularization: Double

    var dimension: Int { x.columnCount }

    var sampleCount: Int { labels.count }

    var strata: [Int]? { labels }

    func valueAndGradient(at point: [Double], batch: [Int], gradient: inout [Double]) -> Double {
        DiagonalNCAObjective(x: x.rows(at: batch), labels: batch.map { labels[$0] }, regularization: regularization)
            .valueAndGradient(at: point, gradient: &gradient)
    }
}
