import ArgumentParser
import MetricLearn

/// A learner by its command-line name, with its default parameters: what `evaluate --learner` and
/// `demo` compare. `euclidean` learns nothing (plain Euclidean distance, the baseline).
enum LearnerName: String, ExpressibleByArgument, CaseIterable {
    case euclidean
    case whitening
    case nca
    case lmnn
    case itml
    case featureWeights = "feature-weights"

    /// The learner's default configuration with `seed` (nil for `euclidean`); `feature-weights` learns its
    /// weights by `featureWeightsMethod` when given (with that method's defaults).
    func configuration(seed: UInt64, featureWeightsMethod: FeatureWeightsMethod? = nil) -> LearnerConfiguration? {
        switch self {
        case .euclidean: nil
        case .whitening: .whitening(Whitening())
        case .nca: .nca(NCA(seed: seed))
        case .lmnn: .lmnn(LMNN(seed: seed))
        case .itml: .itml(ITML(seed: seed))
        case .featureWeights:
            .featureReweighting(featureWeightsMethod.map { FeatureReweighting(method: $0.method(), seed: seed) }
                                ?? FeatureReweighting(seed: seed))
        }
    }
}
