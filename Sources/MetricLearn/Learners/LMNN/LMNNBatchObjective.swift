/// LMNN's loss on mini-batches, for `Adam`: the anchors are the batch B's samples, each keeps its target neighbours
/// (found once among all n samples), and its impostors are drawn from the other samples of B.
///
/// The batch's estimate of f is `LMNNLoss` on B with scales that make it unbiased: the pull term, a sum over
/// anchors, is multiplied by n/|B|; an anchor of class c meets |B| − |B_c| of the n − n_c samples of other classes,
/// so its hinge terms are multiplied by (n − n_c)/(|B| − |B_c|). With stratified batches |B_c|/|B| ≈ n_c/n, so both
/// scales are about n/|B|, and the estimate equals f when B is every sample.
///
/// This is what keeps an epoch O(n·|B|·k') whatever n: every anchor's impostors among all n samples would cost
/// O(n²·k') an epoch (the full objective's impostor search), and a list of them would be an n × impostors
/// structure. Sampling them afresh with every batch is mLMNN's refreshed impostor set in its limit (refreshed every
/// step, from a random sample), with the margin violations that matter reaching the gradient in proportion.
/// A batch gathers its |B|·(k + 1) rows (anchors, then each anchor's targets) and costs O(|B|·(k + 1)·d·k') for
/// the two products plus O(|B|²·k') for the impostor search; no n-sized buffer is allocated per batch.
struct LMNNBatchObjective: MiniBatchObjective {
    let x: Matrix
    /// The class of each sample (the batches' strata).
    let labels: [Int]
    /// Target neighbours among all samples, row-major n × `loss.neighborCount`.
    let targets: [Int]
    let loss: LMNNLoss
    /// n_c for each class c.
    private let classSizes: [Int]

    init(x: Matrix, labels: [Int], targets: [Int], loss: LMNNLoss) {
        self.x = x
        self.labels = labels
        self.targets = targets
        self.loss = loss
        var sizes = [Int](repeating: 0, count: (labels.max() ?? -1) + 1)
        for label in labels { sizes[label] += 1 }
        classSizes = sizes
    }

    var dimension: Int { loss.componentCount * x.columnCount }

    var sampleCount: Int { labels.count }

    var strata: [Int]? { labels }

    func valueAndGradient(at point: [Double], batch: [Int], gradient: inout [Double]) -> Double {
        let (n, b, k) = (labels.count, batch.count, loss.neighborCount)
        var rows = batch
        rows.reserveCapacity(b * (k + 1))
        var batchClassSizes = [Int](repeating: 0, count: classSizes.count)
        for sample in batch {
            batchClassSizes[labels[sample]] += 1
            for t in 0..<k { rows.append(targets[sample * k + t]) }
        }
        let pushScales = classSizes.indices.map { c in
            let others = b - batchClassSizes[c]
            return others > 0 ? Double(n - classSizes[c]) / Double(others) : 0
        }
        let local = LMNNLoss.Rows(x: x.rows(at: rows), anchorLabels: batch.map { labels[$0] },
                                  targets: Array(b..<(b * (k + 1))), pullScale: Double(n) / Double(b),
                                  pushScales: pushScales)
        return loss.valueAndGradient(at: point, rows: local, gradient: &gradient)
    }
}
