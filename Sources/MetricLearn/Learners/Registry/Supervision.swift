/// What a learner learns from: the kinds a registration lists.
public enum SupervisionKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A class label for every sample.
    case classLabels
    /// Pairs of samples said to be similar or dissimilar.
    case pairs
    /// Chunklets: groups of samples known to share a class, which one unsaid.
    case chunklets

    /// The kind in words, for messages (`class labels`).
    public var description: String {
        switch self {
        case .classLabels: "class labels"
        case .pairs: "pairs"
        case .chunklets: "chunklets"
        }
    }
}

/// The supervision a fit learns from, checked by the learner against what it can learn from.
public enum Supervision: Sendable, Hashable {
    /// Class indices 0, 1, 2, …, one per sample.
    case classLabels([Int])
    /// Similar and dissimilar pairs of sample indices.
    case pairs(PairConstraints)
    /// Groups of sample indices, each known to share a class.
    case chunklets(Chunklets)

    /// The kind of supervision.
    public var kind: SupervisionKind {
        switch self {
        case .classLabels: .classLabels
        case .pairs: .pairs
        case .chunklets: .chunklets
        }
    }

    /// The class labels, or `unsupportedSupervision` for `learner`, which needs them.
    func classLabels(for learner: LearnerRegistration) throws(MetricLearnError) -> [Int] {
        guard case let .classLabels(labels) = self else { throw unsupported(by: learner) }
        return labels
    }

    /// The error for a learner that cannot learn from this kind of supervision.
    func unsupported(by learner: LearnerRegistration) -> MetricLearnError {
        .unsupportedSupervision(learner: learner.name, given: kind.description,
                                accepted: learner.supervision.map(\.description))
    }
}
