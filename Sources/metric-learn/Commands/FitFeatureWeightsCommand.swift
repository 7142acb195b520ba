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

    @OptionGroup var input: FitInputOptions

    @Option(help: "nca: regularised diagonal NCA (iterative); relieff: ReliefF (closed form; each weight is the square root of its score).")
    var method: FeatureWeightsMethod = .nca

    @Option(help: "nca only: the penalty λ on ‖w‖²; larger values zero more weights (default: 1/n).")
    var regularization: Double?

    @Option(help: "relieff only: nearest hits and misses per class (default: \(FeatureWeightsMethod.defaultNeighborCount)).")
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
        try LearnerFit(input: input, output: output).run(
            FeatureReweighting(method: method.method(regularization: regularization, neighborCount: neighborCount),
                               maxIterations: maxIterations, tolerance: tolerance, seed: input.seed))
    }
}
