import ArgumentParser
import MetricLearn

/// `metric-learn fit feature-weights`.
struct FitFeatureWeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feature-weights",
        abstract: "Learn one non-negative weight per feature (a diagonal metric), by regularised NCA or ReliefF.",
        discussion: "The weights, largest first, are in the model file and in 'metric-learn info'. "
            + "Both methods are scale dependent: standardise the features with --standardize."
    )

    /// How the weights are learned.
    enum Method: String, ExpressibleByArgument, CaseIterable {
        /// Regularised diagonal NCA (L-BFGS).
        case nca
        /// ReliefF (closed form).
        case relieff
    }

    /// ReliefF's default number of nearest hits and misses, from the library.
    private static let defaultNeighborCount: Int = {
        if case let .reliefF(count) = FeatureReweighting.Method.reliefF() { return count }
        return 10
    }()

    @OptionGroup var input: FitInputOptions

    @Option(help: "nca: regularised diagonal NCA (iterative); relieff: ReliefF scores (closed form).")
    var method: Method = .nca

    @Option(help: "nca only: the penalty λ on ‖w‖²; larger values zero more weights (default: 1/n).")
    var regularization: Double?

    @Option(help: "relieff only: nearest hits and misses per class (default: \(defaultNeighborCount)).")
    var neighborCount: Int?

    @Option(help: "nca only: the most L-BFGS iterations.")
    var maxIterations = FeatureReweighting().maxIterations

    @Option(help: "nca only: stop when the largest gradient entry or the relative decrease of the objective falls to this.")
    var tolerance = FeatureReweighting().tolerance

    @OptionGroup var output: FitOutputOptions

    func validate() throws {
        if method == .relieff && regularization != nil {
            throw ValidationError("--regularization applies to --method nca only")
        }
        if method == .nca && neighborCount != nil {
            throw ValidationError("--neighbor-count applies to --method relieff only")
        }
    }

    func run() throws(CommandFailure) {
        let chosen: FeatureReweighting.Method = switch method {
        case .nca: .nca(regularization: regularization)
        case .relieff: .reliefF(neighborCount: neighborCount ?? Self.defaultNeighborCount)
        }
        try LearnerFit(input: input, output: output).run(
            FeatureReweighting(method: chosen, maxIterations: maxIterations, tolerance: tolerance, seed: input.seed))
    }
}
