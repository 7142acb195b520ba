import ArgumentParser
import MetricLearn

/// How feature weights are learned: `fit feature-weights --method` and `evaluate --feature-weights-method`.
enum FeatureWeightsMethod: String, ExpressibleByArgument, CaseIterable {
    /// Regularised diagonal NCA (L-BFGS).
    case nca
    /// ReliefF (closed form).
    case relieff

    /// ReliefF's default number of nearest hits and misses, from the library.
    static let defaultNeighborCount: Int = {
        if case let .reliefF(count) = FeatureReweighting.Method.reliefF() { return count }
        return 10
    }()

    /// The library method, with `regularization` (nca) or `neighborCount` (relieff) when given, their
    /// library defaults otherwise.
    func method(regularization: Double? = nil, neighborCount: Int? = nil) -> FeatureReweighting.Method {
        switch self {
        case .nca: .nca(regularization: regularization)
        case .relieff: .reliefF(neighborCount: neighborCount ?? Self.defaultNeighborCount)
        }
    }
}
