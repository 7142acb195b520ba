import ArgumentParser
import MetricLearn

/// `metric-learn fit lmnn`.
struct FitLMNNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lmnn",
        abstract: "Large margin nearest neighbour: pull each sample's target neighbours close, push other classes a margin away.",
        discussion: "L-BFGS on L, so a low-rank --component-count works. Every class needs more samples than "
            + "--neighbor-count. The fit is scale dependent: standardise the features with --standardize."
    )

    @OptionGroup var input: FitInputOptions

    @Option(help: "Target neighbours per sample (same-class samples pulled close).")
    var neighborCount = LMNN().neighborCount

    @Option(help: "μ in (0, 1]: the weight of the push (impostor) term; the pull term has weight 1 − μ.")
    var pushWeight = LMNN().pushWeight

    @Option(help: "The output dimension k (default: the number of features).")
    var componentCount: Int?

    @Option(help: "How the starting L is chosen; target neighbours are chosen in that space (random uses --seed).")
    var initialization: Initialization = LMNN().initialization

    @Option(help: "The penalty on a violated margin: hinge (Weinberger & Saul) or squared-hinge (smooth, as PyLMNN).")
    var loss: LMNN.Loss = LMNN().loss

    @Option(help: "The most L-BFGS iterations.")
    var maxIterations = LMNN().maxIterations

    @Option(help: "Stop when the largest gradient entry or the relative decrease of the objective falls to this.")
    var tolerance = LMNN().tolerance

    @OptionGroup var output: FitOutputOptions

    func run() throws(CommandFailure) {
        try LearnerFit(input: input, output: output).run(
            LMNN(neighborCount: neighborCount, pushWeight: pushWeight, componentCount: componentCount,
                 initialization: initialization, loss: loss, maxIterations: maxIterations, tolerance: tolerance,
                 seed: input.seed))
    }
}

extension LMNN.Loss: ExpressibleByArgument, KebabCaseArgument {}
