import MetricLearn

/// Which fits give the same distances whatever the units of the features.
extension LearnerConfiguration {
    /// Whether rescaling a feature column (x_j → c·x_j) leaves the learned distances unchanged, in exact arithmetic.
    ///
    /// Whitening inverts the covariance C: rescaling by D = diag(c) turns C into DCD and M = C⁻¹ into D⁻¹MD⁻¹,
    /// the same distances; but shrinkage towards a multiple of I, or keeping only the leading components
    /// (ranked by variance), depends on the units. ITML with the covariance prior M₀ = C⁻¹ is invariant for the
    /// same reason (the LogDet divergence is invariant under M ↦ D⁻¹MD⁻¹, the sampled pairs depend on the
    /// labels only, and the automatic bounds are prior distances); the identity prior is Euclidean and is not.
    /// NCA, LMNN and both feature-weight methods are not: NCA's softmax and LMNN's unit margin compare raw
    /// distances, diagonal NCA starts from w = 1, and ReliefF's range-scaled scores weight the raw units.
    var isScaleInvariant: Bool {
        switch self {
        case let .whitening(whitening):
            let isShrunk = switch whitening.shrinkage {
            case .none: false
            case let .fixed(coefficient): coefficient != 0
            case .ledoitWolf: true
            }
            return !isShrunk && whitening.componentCount == nil
        case let .itml(itml): return itml.prior == .covariance
        case .nca, .lmnn, .featureReweighting: return false
        }
    }
}
