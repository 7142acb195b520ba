/// MLKR's loss on mini-batches, for `Adam`: the batch B's estimate of f = Σᵢ (ŷᵢ − tᵢ)² (targets standardised over
/// all n samples, as in `MLKRObjective`) is (n/|B|)·Σ_{i∈B} (ŷᵢᴮ − tᵢ)², where ŷᵢᴮ is the kernel estimate of tᵢ from
/// the other samples of B.
///
/// As for NCA (`NCABatchObjective`), this is the full loss on the sub-table of B's rows, evaluated by
/// `StochasticNeighborBatches` in O(|B|²·k + |B|·d·k) time; the batches are random (not stratified: the targets are
/// numbers), each sample's neighbours a random 1/(n/|B|) of the others, and the estimate equals f when B is every
/// sample.
struct MLKRBatchObjective: MiniBatchObjective {
    /// The standardised targets (see `MLKRObjective.standardize`).
    let targets: [Double]
    /// The engine on batches of the samples.
    let batches: StochasticNeighborBatches<KernelRegressionWeighting>

    /// The objective of `x` and its `targets`, which must not all be equal.
    init(x: Matrix, targets: [Double], componentCount: Int) {
        self.targets = MLKRObjective.standardize(targets).targets
        batches = StochasticNeighborBatches(x: x, componentCount: componentCount)
    }

    var dimension: Int { batches.componentCount * batches.x.columnCount }

    var sampleCount: Int { targets.count }

    func valueAndGradient(at point: [Double], batch: [Int], gradient: inout [Double]) -> Double {
        batches.valueAndGradient(ofComponents: point, rows: batch,
                                 weighting: KernelRegressionWeighting(targets: batch.map { targets[$0] }),
                                 scale: Double(sampleCount) / Double(batch.count), gradient: &gradient)
    }
}
