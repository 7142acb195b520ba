/// The pairs a pair learner (ITML, MMC, GMML) learns from, whichever supervision it is given.
extension Supervision {
    /// Given pairs, validated against `x`; or, from class labels, up to `count` (nil: 20·c² for c classes) similar
    /// pairs and as many dissimilar pairs drawn with `seed` (see `PairConstraints.sampled`), as metric-learn's
    /// `*_Supervised` learners do.
    ///
    /// - Throws: the input errors of `x` and the labels, the pair errors of `PairConstraints.validate`, and
    ///   `unsupportedSupervision` for any other kind.
    func pairConstraints(for learner: LearnerRegistration, x: Matrix, sampling count: Int?,
                         seed: UInt64) throws(MetricLearnError) -> PairConstraints {
        switch self {
        case let .classLabels(labels):
            try Validation.checkLabeled(x, labels: labels)
            let classCount = Set(labels).count
            var generator = SeededGenerator(seed: seed)
            return PairConstraints.sampled(labels: labels, count: count ?? 20 * classCount * classCount,
                                           generator: &generator)
        case let .pairs(constraints):
            try Validation.checkFeatures(x)
            try constraints.validate(sampleCount: x.rowCount)
            return constraints
        default:
            throw unsupported(by: learner)
        }
    }
}
