/// What a learner learns from: the kinds a registration lists.
public enum SupervisionKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A class label for every sample.
    case classLabels
    /// Pairs of samples said to be similar or dissimilar.
    case pairs
    /// Triplets of samples: an anchor closer to a positive than to a negative.
    case triplets
    /// Chunklets: groups of samples known to share a class, which one unsaid.
    case chunklets
    /// A real-valued target for every sample (regression).
    case regressionTargets

    /// The kind in words, for messages (`class labels`).
    public var description: String {
        switch self {
        case .classLabels: "class labels"
        case .pairs: "pairs"
        case .triplets: "triplets"
        case .chunklets: "chunklets"
        case .regressionTargets: "regression targets"
        }
    }
}

/// The supervision a fit learns from, checked by the learner against what it can learn from.
public enum Supervision: Sendable, Hashable {
    /// Class indices 0, 1, 2, …, one per sample.
    case classLabels([Int])
    /// Similar and dissimilar pairs of sample indices.
    case pairs(PairConstraints)
    /// (anchor, positive, negative) triplets of sample indices.
    case triplets(TripletConstraints)
    /// Groups of sample indices, each known to share a class.
    case chunklets(Chunklets)
    /// A finite real target per sample, for regression.
    case regressionTargets([Double])

    /// The kind of supervision.
    public var kind: SupervisionKind {
        switch self {
        case .classLabels: .classLabels
        case .pairs: .pairs
        case .triplets: .triplets
        case .chunklets: .chunklets
        case .regressionTargets: .regressionTargets
        }
    }

    /// The class labels, or `unsupportedSupervision` for `learner`, which needs them.
    func classLabels(for learner: LearnerRegistration) throws(MetricLearnError) -> [Int] {
        guard case let .classLabels(labels) = self else { throw unsupported(by: learner) }
        return labels
    }

    /// The regression targets, or `unsupportedSupervision` for `learner`, which needs them.
    func regressionTargets(for learner: LearnerRegistration) throws(MetricLearnError) -> [Double] {
        guard case let .regressionTargets(targets) = self else { throw unsupported(by: learner) }
        return targets
    }

    /// The error for a learner that cannot learn from this kind of supervision.
    func unsupported(by learner: LearnerRegistration) -> MetricLearnError {
        .unsupportedSupervision(learner: learner.name, given: kind.description,
                                accepted: learner.supervision.map(\.description))
    }
}
